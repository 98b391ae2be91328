// What both soak drivers (driver.mjs, fleet-driver.mjs) share: the templates they send, how a
// failure is described in one bounded line, the record of unhandled rejections, and the IPC wait.

export const templates = [
  { usageType: 'Register', subject: 'Welcome', content: '<p>Your code is <b>{{code}}</b></p>' },
  { usageType: 'SignIn', subject: 'Sign-in code', content: '<p>Sign-in code: {{code}}</p>' },
  { usageType: 'ForgotPassword', subject: 'Reset', content: '<p>Reset code: {{code}}</p>' },
  { usageType: 'Generic', subject: 'Your code', content: '<p>Code: {{code}}</p>' },
];

export function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`.slice(0, 300);
  return String(value).slice(0, 300);
}

/** Every unhandled rejection of this process, described; the analysis requires none. */
export function recordUnhandledRejections() {
  const unhandled = [];
  process.on('unhandledRejection', (reason) => unhandled.push(describe(reason)));
  return unhandled;
}

/** The next IPC message of this type from the parent. */
export function waitFor(type) {
  return new Promise((resolve) => {
    const onMessage = (message) => {
      if (message?.type !== type) return;
      process.off('message', onMessage);
      resolve(message);
    };
    process.on('message', onMessage);
  });
}
