/** Plain, accessible HTML pages styled after Microsoft's sign-in (no external resources). */
import { escapeHtml } from '../http';

const STYLE = `
body{margin:0;font-family:"Segoe UI","Segoe UI Web (West European)",-apple-system,BlinkMacSystemFont,Roboto,"Helvetica Neue",sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:64px auto;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.2);padding:44px}
.logo{display:flex;gap:2px;width:22px;flex-wrap:wrap;margin-bottom:16px}.logo span{width:10px;height:10px}
h1{font-size:24px;font-weight:600;margin:16px 0 12px}
p{font-size:15px;line-height:1.4}
label{display:block;font-size:15px;margin:16px 0 4px}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;font-size:15px;padding:6px 0;border:0;border-bottom:1px solid #666;outline:none}
input:focus{border-bottom-color:#0067b8}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:28px}
button{min-width:108px;font-size:15px;padding:6px 12px;border:0;cursor:pointer;background:#ccc;color:#000}
button.primary{background:#0067b8;color:#fff}
.error{color:#e81123;font-size:15px}
ul{font-size:15px;line-height:1.6}
.identity{font-size:15px;margin:0 0 8px}
footer{max-width:528px;margin:0 auto;font-size:12px;color:#666;text-align:right}
`;

const LOGO = '<div class="logo" aria-hidden="true"><span style="background:#f25022"></span><span style="background:#7fba00"></span><span style="background:#00a4ef"></span><span style="background:#ffb900"></span></div>';

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${LOGO}<span>Microsoft (simulated)</span>${body}</main><footer>SAM Desk simulated cloud: not a Microsoft service</footer></body></html>`;
}

function hidden(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
}

function errorLine(error?: string): string {
  return error ? `<p class="error" role="alert" id="error">${escapeHtml(error)}</p>` : '';
}

export function signInPage(flowId: string, opts: { loginHint?: string; error?: string; appName: string }): string {
  return page('Sign in to your account', `
<h1>Sign in</h1>
<p>to continue to ${escapeHtml(opts.appName)}</p>
${errorLine(opts.error)}
<form method="post" action="/common/login">
${hidden({ flow: flowId })}
<label for="username">Email, phone, or Skype</label>
<input type="email" id="username" name="username" autocomplete="username" required value="${escapeHtml(opts.loginHint ?? '')}">
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<div class="actions"><button type="submit" class="primary">Sign in</button></div>
</form>`);
}

export function mfaPage(flowId: string, opts: { upn: string; error?: string }): string {
  return page('Verify your identity', `
<p class="identity">${escapeHtml(opts.upn)}</p>
<h1>Enter code</h1>
<p>Enter the code displayed in the authenticator app on your mobile device.</p>
${errorLine(opts.error)}
<form method="post" action="/common/SAS/ProcessAuth">
${hidden({ flow: flowId })}
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required>
<div class="actions"><button type="submit" class="primary">Verify</button></div>
</form>`);
}

export function consentPage(flowId: string, opts: { upn: string; appName: string; permissions: string[]; tenantName: string }): string {
  const items = opts.permissions.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return page('Permissions requested', `
<p class="identity">${escapeHtml(opts.upn)}</p>
<h1>Permissions requested</h1>
<p><strong>${escapeHtml(opts.appName)}</strong> needs permission to access resources in ${escapeHtml(opts.tenantName)}. This app would like to:</p>
<ul aria-label="Requested permissions">${items}</ul>
<form method="post" action="/common/Consent/Set">
${hidden({ flow: flowId })}
<div class="actions"><button type="submit" name="action" value="cancel">Cancel</button><button type="submit" name="action" value="accept" class="primary">Accept</button></div>
</form>`);
}

export function deviceCodeEntryPage(opts: { error?: string }): string {
  return page('Enter code', `
<h1>Enter code</h1>
<p>Enter the code displayed on your app or device.</p>
${errorLine(opts.error)}
<form method="post" action="/devicelogin">
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" autocomplete="off" maxlength="12" required>
<div class="actions"><button type="submit" class="primary">Next</button></div>
</form>`);
}

export function deviceConfirmPage(flowId: string, opts: { upn: string; appName: string }): string {
  return page('Continue sign-in', `
<p class="identity">${escapeHtml(opts.upn)}</p>
<h1>Are you trying to sign in to ${escapeHtml(opts.appName)}?</h1>
<p>Only continue if you downloaded the app from a store or website that you trust.</p>
<form method="post" action="/common/devicelogin/confirm">
${hidden({ flow: flowId })}
<div class="actions"><button type="submit" name="action" value="cancel">Cancel</button><button type="submit" name="action" value="continue" class="primary">Continue</button></div>
</form>`);
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

export function formPostPage(action: string, fields: Record<string, string>): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Working...</title></head>
<body onload="document.forms[0].submit()"><form method="post" action="${escapeHtml(action)}">${hidden(fields)}<noscript><button type="submit">Continue</button></noscript></form></body></html>`;
}
