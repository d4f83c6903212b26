/*
 * Runs at the end of the page, before any bundle, in every webview Office may use, so it is plain ES5.
 * Office 2016/2019 show add-ins in Internet Explorer 11 or the old Edge, which cannot run
 * React 18 and Fluent UI 9: there the page explains how to use the browser version
 * instead. Elsewhere it loads the bundles listed in <meta name="baoxue-scripts">.
 * Its exact text is hashed into the page's Content-Security-Policy by webpack.config.js.
 */
(function () {
  var ua = navigator.userAgent;
  var old = !!document.documentMode || /Edge\/\d/.test(ua) ||
    typeof Promise === 'undefined' || typeof fetch === 'undefined' || typeof Proxy === 'undefined';
  if (old) {
    if (typeof Office !== 'undefined') Office.initialize = function () {};
    var box = document.getElementById('legacy');
    var url = document.getElementById('browser-url');
    if (box && url) {
      url.appendChild(document.createTextNode(location.protocol + '//' + location.host + '/' + url.getAttribute('data-page')));
      box.style.display = 'block';
    }
    return;
  }
  var list = document.querySelector('meta[name="baoxue-scripts"]').getAttribute('content').split(' ');
  for (var i = 0; i < list.length; i++) {
    if (!list[i]) continue;
    var s = document.createElement('script');
    s.src = list[i];
    s.async = false;
    document.head.appendChild(s);
  }
})();
