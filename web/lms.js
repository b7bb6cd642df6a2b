// Rapport's SCORM bridge, loaded by the page before rapport.js. It finds the LMS's API the way
// SCORM content must (the window, its parents, then the opener and its parents; SCORM 2004's
// API_1484_11 before SCORM 1.2's API), starts the attempt, and offers window.rapportLms to the
// app (web/lms.cpp): resume data, one interaction per reply, the score and status at the end of a
// session, Commit when the page is hidden and Terminate when it goes away. Without an LMS every
// method is a no-op and window.rapportLms.connected is false.
(function () {
  'use strict';

  var MAX_WINDOWS = 7;             // how far up each window chain to look
  // How a finished session is reported (README, "Rapport in an LMS"), from ?lms_policy= (the
  // packages put it in the manifest's launch parameters):
  //   mastery     the attempt stays incomplete until the best score reaches mastery, then passed
  //               and completed, so the learner keeps practising inside one attempt (default)
  //   completion  completed after any finished session, with passed or failed (SCORM 1.2:
  //               passed at mastery, else completed)
  var POLICY = /[?&]lms_policy=completion(&|$)/.test(window.location.search) ? 'completion' : 'mastery';
  var DEFAULT_MASTERY_SCORE = 70;  // 0..100, when the LMS sends none
  var SUSPEND_LIMIT = 4096;        // SCORM 1.2 CMIString4096; also used for 2004 (web/lms.cpp)

  var lms = window.rapportLms = {
    connected: false,
    review: false,          // the LMS opened this launch in review or browse mode: nothing is recorded
    policy: POLICY,         // 'mastery' | 'completion'
    status: '',             // what the last finished session reported ('incomplete', 'passed', ...)
    version: null,          // '1.2' | '2004' | null
    suspendData: '',        // what the LMS holds now (read at start, updated on save)
    location: '',
    entry: '',
    masteryScore: DEFAULT_MASTERY_SCORE,
    suspendLimit: SUSPEND_LIMIT,
    errors: [],             // LMS calls that failed: 'SetValue cmi.x: 405 Incorrect Data Type'
    sessionStarted: function () {},
    recordTurn: function () {},
    sessionFinished: function () {},
    saveSuspendData: function () {},
    commit: function () {},
    terminate: function () {}
  };

  // [SECTION] Finding the API

  function apiIn(win, name) {
    try { return win[name] || null; } catch (e) { return null; }  // a cross-origin window throws
  }

  function search(start, name) {
    var win = start;
    for (var i = 0; win && i <= MAX_WINDOWS; i++) {
      var api = apiIn(win, name);
      if (api) return api;
      var parent = null;
      try { parent = win.parent; } catch (e) { parent = null; }
      if (!parent || parent === win) break;
      win = parent;
    }
    return null;
  }

  function findApi(name) {
    var api = search(window, name);
    if (api) return api;
    var opener = null;
    try { opener = window.top && window.top.opener; } catch (e) { opener = null; }
    if (!opener) { try { opener = window.opener; } catch (e) { opener = null; } }
    return opener ? search(opener, name) : null;
  }

  var api = findApi('API_1484_11');
  var version = api ? '2004' : null;
  if (!api) {
    api = findApi('API');
    version = api ? '1.2' : null;
  }
  if (!api) return;

  var v2004 = version === '2004';
  var call = v2004
    ? { init: 'Initialize', finish: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', text: 'GetErrorString' }
    : { init: 'LMSInitialize', finish: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', text: 'LMSGetErrorString' };
  var cmi = v2004
    ? { location: 'cmi.location', exit: 'cmi.exit', sessionTime: 'cmi.session_time', entry: 'cmi.entry', mode: 'cmi.mode',
        score: 'cmi.score', interactions: 'cmi.interactions' }
    : { location: 'cmi.core.lesson_location', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', entry: 'cmi.core.entry',
        mode: 'cmi.core.lesson_mode', score: 'cmi.core.score', interactions: 'cmi.interactions' };

  function lastError(what) {
    var code = '', text = '';
    try { code = String(api[call.error]()); text = String(api[call.text](code)); } catch (e) { text = e.message; }
    if (code !== '0') {
      lms.errors.push(what + ': ' + code + ' ' + text);
      console.warn('Rapport LMS: ' + what + ' failed (' + code + ' ' + text + ')');
    }
  }

  function get(element) {
    try {
      var value = api[call.get](element);
      return value === undefined || value === null ? '' : String(value);
    } catch (e) { lms.errors.push('GetValue ' + element + ': ' + e.message); return ''; }
  }

  function set(element, value) {
    var ok;
    try { ok = String(api[call.set](element, String(value))) === 'true'; } catch (e) { ok = false; }
    if (!ok) lastError('SetValue ' + element);
    return ok;
  }

  // [SECTION] Formats

  function pad(n, width) { n = String(n); while (n.length < width) n = '0' + n; return n; }

  /** SCORM 1.2 CMITimespan HHHH:MM:SS.SS, or SCORM 2004 ISO 8601 duration PT#H#M#S. */
  function duration(ms) {
    var cs = Math.max(0, Math.round(ms / 10));
    var h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60, s = Math.floor(cs / 100) % 60, frac = cs % 100;
    if (v2004) return 'PT' + h + 'H' + m + 'M' + s + (frac ? '.' + pad(frac, 2) : '') + 'S';
    return pad(Math.min(h, 9999), 4) + ':' + pad(m, 2) + ':' + pad(s, 2) + '.' + pad(frac, 2);
  }

  /** SCORM 2004 time(second,10,0) in UTC, hundredths of a second; SCORM 1.2 CMITime HH:MM:SS. */
  function timestamp(date) {
    if (!v2004) return pad(date.getHours(), 2) + ':' + pad(date.getMinutes(), 2) + ':' + pad(date.getSeconds(), 2);
    return date.toISOString().slice(0, 19) + '.' + pad(Math.floor(date.getUTCMilliseconds() / 10), 2) + 'Z';
  }

  /** One line of at most `max` characters (code points, never half a surrogate pair). */
  function clip(text, max) {
    var chars = Array.from(String(text).replace(/[\r\n\t]+/g, ' ').trim());
    return chars.length > max ? chars.slice(0, max).join('') : chars.join('');
  }

  /** Interaction ids: letters, digits, '-', '_' and '.', as both versions accept. */
  function identifier(text) { return String(text).replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 200) || 'rapport'; }

  // [SECTION] The attempt

  var started = Date.now();
  var lastMark = started;
  var terminated = false;
  var commitTimer = 0;
  var review = false;
  var mastery = NaN;
  var bestScore = -1;

  function initialized() {
    var ok;
    try { ok = String(api[call.init]('')) === 'true'; } catch (e) { ok = false; }
    if (!ok) lastError(call.init);
    return ok;
  }

  /** Initialises the attempt and reads what the app needs; again after a back/forward-cache restore. */
  function start() {
    if (!initialized()) return false;
    terminated = false;
    started = lastMark = Date.now();
    var mode = get(cmi.mode);
    review = mode === 'review' || mode === 'browse';
    mastery = NaN;
    if (v2004) {
      var scaled = parseFloat(get('cmi.scaled_passing_score'));
      if (!isNaN(scaled)) mastery = Math.round(scaled * 100);
    } else {
      mastery = parseFloat(get('cmi.student_data.mastery_score'));
    }
    bestScore = parseFloat(get(cmi.score + '.raw'));
    if (isNaN(bestScore)) bestScore = -1;

    lms.connected = true;
    lms.review = review;
    lms.version = version;
    lms.suspendData = get('cmi.suspend_data');
    lms.location = get(cmi.location);
    lms.entry = get(cmi.entry);
    lms.masteryScore = isNaN(mastery) ? DEFAULT_MASTERY_SCORE : Math.max(0, Math.min(100, mastery));
    if (review) return true;  // a review launch is not recorded: nothing is written

    // The attempt is under way; a status already reached (completed, passed) is never lowered.
    if (v2004) {
      var completion = get('cmi.completion_status');
      if (completion !== 'completed' && completion !== 'incomplete') set('cmi.completion_status', 'incomplete');
    } else {
      var status = get('cmi.core.lesson_status');
      if (status === '' || status === 'not attempted' || status === 'browsed') set('cmi.core.lesson_status', 'incomplete');
    }
    set(cmi.exit, 'suspend');
    return true;
  }
  if (!start()) return;

  function commitNow() {
    if (commitTimer) { clearTimeout(commitTimer); commitTimer = 0; }
    if (terminated) return;
    var ok;
    try { ok = String(api[call.commit]('')) === 'true'; } catch (e) { ok = false; }
    if (!ok) lastError(call.commit);
  }

  /** Several saves in one task (a reply, then the session's end) make one Commit. */
  function commitSoon() {
    if (!commitTimer && !terminated) commitTimer = setTimeout(commitNow, 0);
  }

  function setSessionTime() { set(cmi.sessionTime, duration(Date.now() - started)); }

  function setLocation(text) {
    lms.location = clip(text, 255);
    set(cmi.location, lms.location);
  }

  lms.sessionStarted = function (scenario) {
    if (terminated || review) return;
    lastMark = Date.now();
    setLocation(scenario + ':t0');
    commitSoon();
  };

  /**
   * One reply as cmi.interactions.n: {scenario, turn (1-based), typed, response (an offered
   * reply's letter, or the typed text), correct (MI-consistent), client (what the client said),
   * code (the MI code's label)}.
   */
  lms.recordTurn = function (turn) {
    if (terminated || review) return;
    var now = new Date();
    var n = parseInt(get(cmi.interactions + '._count'), 10);
    if (isNaN(n)) n = 0;
    var at = cmi.interactions + '.' + n + '.';
    set(at + 'id', identifier(turn.scenario + '-t' + turn.turn));
    set(at + 'type', turn.typed ? (v2004 ? 'long-fill-in' : 'fill-in') : 'choice');
    set(at + (v2004 ? 'timestamp' : 'time'), timestamp(now));
    var response = turn.typed ? clip(turn.response, v2004 ? 4000 : 255) : String(turn.response);
    // SCORM 2004 reads a leading '{' as a delimiter ({lang=..}) and '[,]' as a list separator.
    if (v2004) response = response.replace(/^\{/, '(').replace(/\[,\]/g, ', ');
    set(at + (v2004 ? 'learner_response' : 'student_response'), response);
    set(at + 'result', turn.correct ? 'correct' : (v2004 ? 'incorrect' : 'wrong'));
    set(at + 'weighting', '1');
    set(at + 'latency', duration(now.getTime() - lastMark));
    if (v2004) {
      var description = clip((turn.code ? turn.code + ' reply to: ' : 'Reply to: ') + (turn.client || ''), 250);
      set(at + 'description', description.replace(/^\{/, '('));
    }
    lastMark = now.getTime();
    setLocation(turn.scenario + ':t' + turn.turn);
  };

  /**
   * The end of a session: {scenario, score (0..100), outcome, counts}. The LMS keeps the best
   * score; a retry (counts: false) leaves the score and the status as they were.
   */
  lms.sessionFinished = function (result) {
    if (terminated || review) return;
    var score = Math.max(0, Math.min(100, Math.round(Number(result.score) || 0)));
    setLocation(result.scenario + ':end');
    setSessionTime();
    if (result.counts === false) {
      commitSoon();
      return;
    }
    if (score > bestScore) {
      bestScore = score;
      set(cmi.score + '.min', '0');
      set(cmi.score + '.max', '100');
      set(cmi.score + '.raw', String(score));
      if (v2004) set('cmi.score.scaled', String(score / 100));
    }
    var passed = bestScore >= lms.masteryScore;
    if (POLICY === 'completion') {
      if (v2004) {
        set('cmi.completion_status', 'completed');
        set('cmi.success_status', passed ? 'passed' : 'failed');
      } else {
        set('cmi.core.lesson_status', passed ? 'passed' : 'completed');
      }
      lms.status = passed ? 'passed' : (v2004 ? 'failed' : 'completed');
    } else if (passed) {
      if (v2004) {
        set('cmi.completion_status', 'completed');
        set('cmi.success_status', 'passed');
      } else {
        set('cmi.core.lesson_status', 'passed');
      }
      lms.status = 'passed';
    } else {
      // Below mastery the attempt stays open: the LMS launches the next visit in normal mode, so
      // practice keeps counting and the best score stands.
      if (v2004) {
        set('cmi.completion_status', 'incomplete');
        set('cmi.success_status', 'unknown');
      } else {
        set('cmi.core.lesson_status', 'incomplete');
      }
      lms.status = 'incomplete';
    }
    commitSoon();
  };

  /** Stores the compact progress (web/lms.cpp encodes it under suspendLimit characters). */
  lms.saveSuspendData = function (data) {
    if (terminated || review) return false;
    if (data === lms.suspendData) return true;
    var ok = set('cmi.suspend_data', data);
    if (ok) lms.suspendData = data;
    commitSoon();
    return ok;
  };

  lms.commit = function () {
    if (terminated || review) return;
    setSessionTime();
    commitNow();
  };

  lms.terminate = function () {
    if (terminated) return;
    if (!review) {
      set(cmi.exit, 'suspend');  // progress and the session in hand stay for the next launch
      setSessionTime();
      commitNow();
    }
    terminated = true;
    var ok;
    try { ok = String(api[call.finish]('')) === 'true'; } catch (e) { ok = false; }
    if (!ok) lastError(call.finish);
    lms.connected = false;
  };

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') lms.commit();
  });
  window.addEventListener('pagehide', lms.terminate);
  // A page restored from the back/forward cache was terminated on pagehide: start a new LMS
  // session, or nothing the learner does from here would be recorded.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted && terminated) start();
  });
  window.addEventListener('beforeunload', lms.terminate);
})();
