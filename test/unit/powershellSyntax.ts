/**
 * A real PowerShell parser for the snippet tests: the tree-sitter grammar (airbus-cert
 * tree-sitter-powershell). PowerShell itself cannot be installed here, and regexes prove nothing
 * about what a parser would make of a hostile name.
 *
 * One gap is closed by hand: the grammar knows only the ASCII single quote, while PowerShell also
 * ends a verbatim string at U+2018–U+201B. `readVerbatim` applies PowerShell's own rule to every
 * literal the grammar found, so a stray typographic quote still fails the test.
 */
import Parser from 'tree-sitter';

export type SyntaxNode = Parser.SyntaxNode;

const parser = new Parser();
// The grammar's entry point is ESM with a top-level await, which Playwright's CommonJS loader
// cannot require(); a dynamic import works under both Vitest and Playwright.
const grammar = import('tree-sitter-powershell').then(({ default: PowerShell }) =>
  parser.setLanguage(PowerShell as unknown as Parser.Language),
);

/** Call (and await) once before parsing, e.g. in beforeAll. */
export function loadPowerShellGrammar(): Promise<void> {
  return grammar;
}

export function parsePowerShell(source: string): Parser.Tree {
  // The default 32 KiB buffer is too small for an all-customers list; size it to the text.
  return parser.parse(source, undefined, { bufferSize: Math.max(32 * 1024, Buffer.byteLength(source, 'utf8') * 2 + 1024) });
}

function* walk(node: SyntaxNode): Generator<SyntaxNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** ERROR and MISSING nodes, as "type at row:column" for a readable failure. */
export function syntaxProblems(tree: Parser.Tree): string[] {
  return [...walk(tree.rootNode)]
    .filter((node) => node.type === 'ERROR' || node.isMissing)
    .map((node) => `${node.isMissing ? `MISSING ${node.type}` : 'ERROR'} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
}

/** The tree's shape without any text: two snippets with the same shape do the same things. */
export function shape(tree: Parser.Tree): string {
  return tree.rootNode.toString();
}

const quoteLike = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);

/**
 * The value of a verbatim ('…') literal by PowerShell's rules: any single-quote-like character
 * ends it unless doubled. Throws when the literal would end before its last character.
 */
export function readVerbatim(literal: string): string {
  const chars = [...literal];
  if (!quoteLike.has(chars[0]!) || !quoteLike.has(chars.at(-1)!)) throw new Error(`not a verbatim literal: ${literal}`);
  let value = '';
  for (let i = 1; i < chars.length - 1; i += 1) {
    const char = chars[i]!;
    if (quoteLike.has(char)) {
      if (i + 1 >= chars.length - 1 || !quoteLike.has(chars[i + 1]!)) {
        throw new Error(`PowerShell would end the string at character ${i}: ${literal}`);
      }
      i += 1;
    }
    value += char;
  }
  return value;
}

export function verbatimLiterals(tree: Parser.Tree): SyntaxNode[] {
  return [...walk(tree.rootNode)].filter((node) => node.type === 'verbatim_string_characters');
}

export interface CommandCall {
  name: string;
  /** Each `-Parameter` with the argument node that follows it (undefined for a switch). */
  parameters: Array<{ name: string; argument?: SyntaxNode }>;
}

/** Every command invocation (cmdlet call), with its named parameters and their arguments. */
export function commandCalls(tree: Parser.Tree): CommandCall[] {
  return [...walk(tree.rootNode)]
    .filter((node) => node.type === 'command')
    .map((command) => {
      const name = command.childForFieldName('command_name')?.text ?? '';
      const elements = command.childForFieldName('command_elements')?.namedChildren ?? [];
      const parameters: CommandCall['parameters'] = [];
      elements.forEach((element, index) => {
        if (element.type !== 'command_parameter') return;
        const next = elements.slice(index + 1).find((candidate) => candidate.type !== 'command_argument_sep');
        const argument = next && next.type !== 'command_parameter' ? next : undefined;
        parameters.push({ name: element.text.replace(/:.*$/s, ''), argument });
      });
      return { name, parameters };
    });
}

/** The argument's value when it is exactly one verbatim string literal, else undefined. */
export function singleLiteralValue(argument: SyntaxNode | undefined): string | undefined {
  if (!argument) return undefined;
  const literals = [...walk(argument)].filter((node) => node.type === 'string_literal');
  if (literals.length !== 1) return undefined;
  const literal = literals[0]!;
  // Nothing but wrappers around the literal: no operators, variables or sub-expressions.
  if (literal.text !== argument.text) return undefined;
  const verbatim = literal.firstNamedChild;
  return verbatim?.type === 'verbatim_string_characters' ? readVerbatim(verbatim.text) : undefined;
}
