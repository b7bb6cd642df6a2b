// The test LMS shared by the SCORM browser tests: a host page running scorm-again (from npm) that
// embeds the built app in an iframe and keeps what the runtime received across launches.
import { copyFileSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { site, repo } from './harness.mjs';

export const runtime = join(repo, 'tests/browser/node_modules/scorm-again/dist/scorm-again.js');

// The LMS: scorm-again's API object for the version in ?v=, every SetValue logged (last value
// per element in window.host.values), and on Commit/Terminate the values an LMS keeps between
// launches saved in the host's local storage, to be loaded with loadFromJSON before the next
// launch (entry = resume after exit = suspend). ?partition=1 clears the app's own local storage
// first, as a partitioned or cleared LMS iframe would; ?app= is passed on as the app's query;
// ?mode=review (or browse) launches as an LMS does a finished attempt's later visits.
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<link rel="icon" href="data:,">
<script src="scorm-again.js"></script>
<style>body { margin: 0; background: #ddd; } #app { position: absolute; left: 24px; top: 36px; width: 1200px;
  height: 720px; border: 3px solid #444; padding: 0; }</style>
</head><body>
<script>
(function () {
  var params = new URLSearchParams(location.search);
  var version = params.get('v') === '1.2' ? '1.2' : '2004';
  var key = 'host.lms.' + version;
  if (params.get('partition') === '1')
    Object.keys(localStorage).filter(function (k) { return k.indexOf('rapport.') === 0; })
      .forEach(function (k) { localStorage.removeItem(k); });
  var kept = JSON.parse(localStorage.getItem(key) || 'null');
  var api = version === '2004' ? new Scorm2004API({ autocommit: false, logLevel: 4 })
                               : new Scorm12API({ autocommit: false, logLevel: 4 });
  var host = window.host = { version: version, values: {}, calls: [], commits: 0, terminated: false, launches: kept ? kept.launches + 1 : 1 };
  function keep() {
    var v = host.values, p = version === '2004' ? 'cmi.' : 'cmi.core.';
    var data = version === '2004' ? {
      location: v['cmi.location'], suspend_data: v['cmi.suspend_data'],
      completion_status: v['cmi.completion_status'], success_status: v['cmi.success_status'],
      score: { raw: v['cmi.score.raw'], min: v['cmi.score.min'], max: v['cmi.score.max'], scaled: v['cmi.score.scaled'] },
      entry: v['cmi.exit'] === 'suspend' ? 'resume' : ''
    } : {
      suspend_data: v['cmi.suspend_data'],
      core: { lesson_location: v['cmi.core.lesson_location'], lesson_status: v['cmi.core.lesson_status'],
              score: { raw: v['cmi.core.score.raw'], min: v['cmi.core.score.min'], max: v['cmi.core.score.max'] },
              entry: v['cmi.core.exit'] === 'suspend' ? 'resume' : '' }
    };
    localStorage.setItem(key, JSON.stringify({ launches: host.launches, cmi: data }));
  }
  var prefix = version === '2004' ? '' : 'LMS';
  api.on(prefix + 'SetValue.cmi.*', function (element, value) { host.values[element] = value; host.calls.push([element, value]); });
  api.on(prefix + 'Commit', function () { host.commits++; keep(); });
  api.on(version === '2004' ? 'Terminate' : 'LMSFinish', function () { host.terminated = true; keep(); });
  var mode = params.get('mode');
  if (mode) {
    var cmi = kept ? kept.cmi : (version === '2004' ? {} : { core: {} });
    if (version === '2004') cmi.mode = mode; else cmi.core.lesson_mode = mode;
    kept = kept || { launches: 0, cmi: cmi };
  }
  if (kept) api.loadFromJSON(kept.cmi);
  if (version === '2004') window.API_1484_11 = api; else window.API = api;
  var frame = document.createElement('iframe');
  frame.id = 'app';
  frame.title = 'Rapport';
  // ?app=kiosk=1 is passed on; unless a test names a seed, the app shows the authored order, so
  // the tests' reply paths are the author's.
  const appQuery = params.get('app') || '';
  frame.src = 'site/index.html?' + appQuery + (/(^|&)(seed|order)=/.test(appQuery) ? '' : (appQuery ? '&' : '') + 'order=authored');
  document.body.appendChild(frame);
})();
</script>
</body></html>`;

/** A folder served as the LMS: host.html, scorm-again.js and the built site (or `from`, an
 * unpacked package) under site/. */
export function lmsFolder(from = site) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-lms-'));
  writeFileSync(join(dir, 'host.html'), HOST);
  copyFileSync(runtime, join(dir, 'scorm-again.js'));
  symlinkSync(from, join(dir, 'site'), 'dir');
  return dir;
}

export async function host(app) { return app.page.evaluate(() => window.host); }
export async function inApp(app, fn, arg) { return (await app.appFrame()).evaluate(fn, arg); }

export async function waitForHost(app, predicate, arg, what) {
  try {
    await app.page.waitForFunction(predicate, arg, { timeout: 10000 });
  } catch {
    throw new Error(`the LMS never saw ${what}; it holds ${JSON.stringify((await host(app)).values)}`);
  }
}

