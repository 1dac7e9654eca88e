// Data-entry grid: show what a typed value reads as while typing.
// The server stays the only parser (POST to data-parse-url); without this script the
// "Xem trước" button does the same in one round trip. Our own code, no library.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-parse-url");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var timers = {};

  function show(key, text, errors) {
    var output = document.getElementById("preview-" + key);
    if (!output) {
      return;
    }
    output.textContent = "";
    if (text) {
      var strong = document.createElement("strong");
      strong.textContent = text;
      output.appendChild(strong);
    }
    if (errors && errors.length) {
      var error = document.createElement("span");
      error.className = "error";
      error.textContent = errors.join(" ");
      output.appendChild(error);
    }
  }

  function check(key) {
    var input = document.getElementById("value-" + key);
    var flag = document.getElementById("flag-" + key);
    if (!input) {
      return;
    }
    if (!input.value.trim()) {
      show(key, "", []);
      return;
    }
    var body = new URLSearchParams();
    body.append("indicator", key);
    body.append("value", input.value);
    body.append("flag", flag ? flag.value : "th");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": token },
      body: body
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data) {
          show(key, data.text, data.errors);
          input.setAttribute("aria-invalid", data.errors.length ? "true" : "false");
        }
      })
      .catch(function () { /* offline or server gone: the button still works */ });
  }

  form.addEventListener("input", function (event) {
    var row = event.target.closest("tr[data-indicator]");
    if (!row || !event.target.classList.contains("value-input")) {
      return;
    }
    var key = row.getAttribute("data-indicator");
    clearTimeout(timers[key]);
    timers[key] = setTimeout(function () { check(key); }, 350);
  });
  form.addEventListener("change", function (event) {
    var row = event.target.closest("tr[data-indicator]");
    if (row && event.target.tagName === "SELECT") {
      check(row.getAttribute("data-indicator"));
    }
  });

  var problems = document.getElementById("entry-problems");
  if (problems) {
    problems.focus();
  }
})();
