import { spawn } from 'node:child_process';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createRequire } from 'node:module'; const { NodeHttpHandler } = createRequire('/work/main/packages/aws-ses/package.json')('@smithy/node-http-handler');
import { runInterleaved, localContestant, addRatios } from './src/lib/interleave.mjs';
import { subjects } from './src/subjects/index.mjs';
import { createProgress } from './src/lib/progress.mjs';
import * as fx from './src/lib/fixtures.mjs';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED='true';
const child = spawn(process.execPath, ['-e', `const http=require('http');const s=http.createServer((q,r)=>{q.resume();q.on('end',()=>{r.setHeader('content-type','application/json');r.setHeader('x-amzn-RequestId','r1');r.end('{"MessageId":"m1"}')})});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`], {stdio:['ignore','pipe','inherit']});
const port = await new Promise(r=>child.stdout.once('data',d=>r(String(d).trim())));
const url = `http://127.0.0.1:${port}`;
const input = fx.preRenderedSendEmail();
const handler = () => new NodeHttpHandler({ requestTimeout: 10000, connectionTimeout: 10000, throwOnRequestTimeout: true, httpAgent: { keepAlive: true }, httpsAgent: { keepAlive: true } });
const mk = (opts) => new SESv2Client({ region: fx.region, endpoint: url, credentials: fx.credentials, ...opts });
const a = mk({}); const b = mk({ requestHandler: handler() }); const c = mk({ requestHandler: handler() });
const ours = await subjects.find(s=>s.id==='org-connector').create({url});
const cs = [
  localContestant({id:'raw', label:'raw', send:()=>a.send(new SendEmailCommand(input))}),
  localContestant({id:'handler', label:'raw+our handler', send:()=>b.send(new SendEmailCommand(input))}),
  localContestant({id:'signal', label:'raw+our handler+abortSignal', send:()=>c.send(new SendEmailCommand(input), {abortSignal: new AbortController().signal})}),
  localContestant({id:'ours', label:'ours', send:ours.send}),
];
const r = addRatios(await runInterleaved(cs, {concurrencies:[1,16], n:2000, rounds:5, warmup:500, progress:createProgress(), step:'t'}), 'raw');
for (const rows of Object.values(r)) for (const x of Object.values(rows)) console.log(x.label.padEnd(30), x.concurrency, x.msgPerSec, x.ratio, x.roundsMsgPerSec.join(' '));
child.kill();
