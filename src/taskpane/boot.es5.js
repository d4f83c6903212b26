/*
 * Runs before any bundle, in every webview and browser a page may meet, so it is plain ES5.
 * It loads the bundles listed in <meta name="baoxue-scripts"> only where they can run:
 * - the bundles are compiled to ES2019 syntax (webpack.config.js), but use built-ins that no
 *   compiler adds (globalThis, BigInt and WeakRef in zod and Fluent UI, replaceAll, matchAll …)
 *   and the page's own APIs (fetch, Worker, TextDecoder): those are tested here;
 * - Office 2016/2019 show add-ins in Internet Explorer 11 or the old Edge, which cannot run
 *   React 18 and Fluent UI 9 (OfficeDev/office-js#4168);
 * - a page marked data-office="required" needs office.js, which a blocked CDN or an intranet
 *   without it leaves undefined (a ReferenceError and a blank pane otherwise).
 * Where they cannot run, the page shows its box #legacy or #no-office instead, and the
 * commands page still answers the ribbon's buttons with that message in a dialog.
 * The taskpane and commands pages inline it (hashed into their CSP by webpack.config.js);
 * the browser page loads it as boot.js.
 */
(function () {
  var ua = navigator.userAgent;
  var page = document.documentElement;
  var S = String.prototype;
  var A = Array.prototype;
  var modern = !document.documentMode && !/Edge\/\d/.test(ua) &&
    typeof Promise !== 'undefined' && typeof fetch !== 'undefined' && typeof Proxy !== 'undefined' &&
    typeof globalThis !== 'undefined' && typeof BigInt !== 'undefined' && typeof WeakRef !== 'undefined' &&
    typeof Worker !== 'undefined' && typeof TextDecoder !== 'undefined' &&
    typeof Object.fromEntries === 'function' && typeof A.flatMap === 'function' &&
    typeof S.matchAll === 'function' && typeof S.replaceAll === 'function';
  var officeMissing = page.getAttribute('data-office') === 'required' && typeof Office === 'undefined';
  if (modern && !officeMissing) {
    var list = document.querySelector('meta[name="baoxue-scripts"]').getAttribute('content').split(' ');
    for (var i = 0; i < list.length; i++) {
      if (!list[i]) continue;
      var s = document.createElement('script');
      s.src = list[i];
      s.async = false;
      document.head.appendChild(s);
    }
    return;
  }

  var here = location.protocol + '//' + location.host + '/';
  var box = document.getElementById(officeMissing ? 'no-office' : 'legacy');
  var url = document.getElementById('browser-url');
  if (box) box.style.display = 'block';
  if (url && !officeMissing) url.appendChild(document.createTextNode(here + url.getAttribute('data-page')));
  if (officeMissing) return;

  // Office is here but the bundles cannot run. The ribbon's function commands must still
  // complete, with something the user sees: the pane's page, which explains, in a dialog.
  var dialog = page.getAttribute('data-dialog');
  function explain(event) {
    try {
      if (dialog) Office.context.ui.displayDialogAsync(here + dialog, { height: 50, width: 35 });
    } finally {
      if (event && event.completed) event.completed();
    }
  }
  var commands = (page.getAttribute('data-commands') || '').split(' ');
  for (var c = 0; c < commands.length; c++) if (commands[c]) window[commands[c]] = explain;
  Office.initialize = function () {};
  if (Office.onReady) {
    Office.onReady(function () {
      if (!Office.actions || !Office.actions.associate) return;
      for (var k = 0; k < commands.length; k++) if (commands[k]) Office.actions.associate(commands[k], explain);
    });
  }
})();
