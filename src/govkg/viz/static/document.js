// Centre the highlighted line, with the lines before it in view (the #L anchor alone puts it at the very top).
(function () {
  "use strict";
  function centre() {
    var hit = document.querySelector(".ln.hit");
    if (hit) { hit.scrollIntoView({ block: "center" }); }
  }
  window.addEventListener("load", function () { setTimeout(centre, 0); });
})();
