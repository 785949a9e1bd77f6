/* Folds the main menu behind its "Menu" button on a narrow screen.
 *
 * The menu is open in the markup, so without this script (or without CSS) every entry stays
 * in reach; the script only marks the menu as foldable, and the stylesheet folds it below
 * 40rem. The button says whether the menu is open (aria-expanded), and Escape folds it again
 * and gives the focus back to the button. A file of our own, since the Content-Security-Policy
 * refuses inline script.
 */
(function () {
  "use strict";

  var nav = document.querySelector("[data-menu]");
  if (!nav) { return; }
  var button = nav.querySelector(".menu-button");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("main-nav--open", open);
  }

  nav.classList.add("main-nav--foldable");
  button.hidden = false;
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
