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

/**
 * `('abc' + [char]0x001B + 'def')`: how quoteLiteral writes a value holding characters that must not
 * reach a terminal as they are. Nothing but verbatim strings and [char] casts of hex literals,
 * joined by +, starting with a string; its value, or undefined for anything else.
 */
function concatenationValue(node: SyntaxNode): string | undefined {
  if (node.type !== 'parenthesized_expression') return undefined;
  const allowed = new Set(['parenthesized_expression', 'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression', 'comparison_expression',
    'additive_expression', 'multiplicative_expression', 'format_expression', 'range_expression', 'array_literal_expression', 'unary_expression',
    'expression_with_unary_operator', 'cast_expression', 'type_literal', 'type_spec', 'type_name', 'type_identifier', 'integer_literal',
    'hexadecimal_integer_literal', 'string_literal', 'verbatim_string_characters']);
  if ([...walk(node)].some((child) => child.isNamed && !allowed.has(child.type))) return undefined;
  const parts = node.text.slice(1, -1).split(' + ');
  if (parts.length < 2 || !/^'/.test(parts[0]!)) return undefined;
  let value = '';
  for (const part of parts) {
    const char = /^\[char\]0x([0-9A-F]{4})$/.exec(part);
    value += char ? String.fromCharCode(Number.parseInt(char[1]!, 16)) : readVerbatim(part);
  }
  return value;
}

/** Every literal value in the snippet: single verbatim strings, and concatenations as one value each. */
export function literalValues(tree: Parser.Tree): string[] {
  const values: string[] = [];
  const visit = (node: SyntaxNode) => {
    const joined = concatenationValue(node);
    if (joined !== undefined) return void values.push(joined);
    if (node.type === 'verbatim_string_characters') return void values.push(readVerbatim(node.text));
    for (const child of node.children) visit(child);
  };
  visit(tree.rootNode);
  return values;
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

/** The argument's value when it is exactly one literal (a verbatim string, or quoteLiteral's concatenation), else undefined. */
export function singleLiteralValue(argument: SyntaxNode | undefined): string | undefined {
  if (!argument) return undefined;
  const concatenation = [...walk(argument)].find((node) => concatenationValue(node) !== undefined);
  if (concatenation) return concatenation.text === argument.text ? concatenationValue(concatenation) : undefined;
  const literals = [...walk(argument)].filter((node) => node.type === 'string_literal');
  if (literals.length !== 1) return undefined;
  const literal = literals[0]!;
  // Nothing but wrappers around the literal: no operators, variables or sub-expressions.
  if (literal.text !== argument.text) return undefined;
  const verbatim = literal.firstNamedChild;
  return verbatim?.type === 'verbatim_string_characters' ? readVerbatim(verbatim.text) : undefined;
}
