// The phone simulator's page: draws each phone from GET /simulator/state once a second, speaks
// what a phone hears (the browser's speech synthesis, in the language the TwiML gave), and posts
// each button to /simulator/phones/{id}/…. The server plays Twilio; this only shows it.
(function () {
  "use strict";
  var root = document.getElementById("simulator");
  if (!root) {
    return;
  }
  var csrf = root.getAttribute("data-csrf");
  var words = {};
  document.getElementById("simulator-words").content.querySelectorAll("[data-word]").forEach(function (el) {
    words[el.getAttribute("data-word")] = el.textContent;
  });
  var spoken = {};      // phone id -> "sid:count" of what it has said aloud
  var cards = {};       // phone id -> its card's parts
  var latest = null;
  var KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function post(path, form) {
    var body = new URLSearchParams(form || {});
    return fetch(path, {
      method: "POST",
      headers: {"X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded"},
      body: body,
      credentials: "same-origin"
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) {
          throw new Error(json.error || words.error);
        }
        return json;
      });
    });
  }

  function showError(id, message) {
    var box = document.getElementById(id);
    box.textContent = message || "";
    box.hidden = !message;
  }

  function act(phone, action, form) {
    showError("sim-error", "");
    post("/simulator/phones/" + encodeURIComponent(phone) + "/" + action, form)
      .then(draw)
      .catch(function (e) { showError("sim-error", e.message); });
  }

  function label(phone) {
    if (phone.kind === "leader") {
      return phone.name;
    }
    var index = phone.id.split("-")[1];
    return (phone.kind === "caller" ? words.caller : words.other) + " " + index;
  }

  function card(phone) {
    if (cards[phone.id]) {
      return cards[phone.id];
    }
    var article = el("article", {"class": "phone", "data-phone": phone.id, "aria-labelledby": phone.id + "-name"});
    var head = el("header");
    head.appendChild(el("h3", {id: phone.id + "-name"}, label(phone)));
    head.appendChild(el("span", {"class": "number"}, phone.number || words.withheld));
    article.appendChild(head);
    var status = el("p", {"class": "status", "aria-live": "polite"});
    article.appendChild(status);
    var heard = el("ol", {"class": "heard", "aria-label": words.incoming});
    article.appendChild(heard);
    var buttons = el("div", {"class": "buttons"});
    var actions = {};
    [["call", words.call], ["answer", words.answer], ["decline", words.decline], ["hangup", words.hangUp],
      ["skip", words.skip]].forEach(function (pair) {
      var button = el("button", {type: "button", "data-action": pair[0], "class": pair[0]}, pair[1]);
      button.addEventListener("click", function () { act(phone.id, pair[0]); });
      buttons.appendChild(button);
      actions[pair[0]] = button;
    });
    article.appendChild(buttons);
    var keypad = el("div", {"class": "keypad", role: "group", "aria-label": "keypad"});
    KEYS.forEach(function (key) {
      var button = el("button", {type: "button", "data-key": key}, key);
      button.addEventListener("click", function () { act(phone.id, "keys", {key: key}); });
      keypad.appendChild(button);
    });
    article.appendChild(keypad);
    var texts = el("ol", {"class": "texts"});
    article.appendChild(texts);
    if (phone.number) {
      var form = el("form", {"class": "compose"});
      var input = el("input", {type: "text", name: "body", "aria-label": words.textPlaceholder,
        placeholder: words.textPlaceholder, autocomplete: "off", maxlength: "1600"});
      form.appendChild(input);
      form.appendChild(el("button", {type: "submit", "data-action": "text"}, words.send));
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (!input.value.trim()) {
          return;
        }
        var body = input.value;
        input.value = "";
        act(phone.id, "texts", {body: body});
      });
      article.appendChild(form);
    }
    var target = document.getElementById(phone.kind === "leader" ? "leader-phones" : "caller-phones");
    target.appendChild(article);
    cards[phone.id] = {article: article, status: status, heard: heard, actions: actions, keypad: keypad, texts: texts};
    return cards[phone.id];
  }

  function seconds(from, now) {
    return Math.max(0, Math.round((now - from) / 1000));
  }

  function describe(call, state) {
    if (!call) {
      return words.noCall;
    }
    var text = words["state." + call.state] || call.state;
    if (call.state === "queued" && call.queuePosition > 0) {
      text += " · " + words.queuePosition.replace("{0}", call.queuePosition);
    }
    if (call.state === "connected" && call.with) {
      var other = state.phones.filter(function (p) { return p.id === call.with; })[0];
      text += " · " + words["with"].replace("{0}", other ? label(other) : "")
        + " · " + seconds(call.connectedAt, Date.now()) + " s";
    }
    if (call.timer && call.timerDue) {
      text += " · " + (words["timer." + call.timer] || call.timer) + " "
        + Math.max(0, Math.round((call.timerDue - Date.now()) / 1000)) + " s";
    }
    if (call.state === "ended" && call.endedAs) {
      text += " (" + call.endedAs + ")";
    }
    return text;
  }

  function speak(phone) {
    var call = phone.call;
    if (!call) {
      return;
    }
    var seen = spoken[phone.id] || "";
    var done = seen.indexOf(call.sid + ":") === 0 ? parseInt(seen.split(":")[1], 10) : 0;
    var sound = document.getElementById("sim-sound").checked && "speechSynthesis" in window;
    call.heard.slice(done).forEach(function (line) {
      if (sound && line.language && line.text.charAt(0) !== "(") {
        var utterance = new SpeechSynthesisUtterance(line.text);
        utterance.lang = line.language;
        window.speechSynthesis.speak(utterance);
      }
    });
    spoken[phone.id] = call.sid + ":" + call.heard.length;
  }

  function drawPhone(phone, state) {
    var parts = card(phone);
    var call = phone.call;
    var live = call && call.state !== "ended";
    parts.article.setAttribute("data-state", call ? call.state : "idle");
    parts.status.textContent = describe(call, state);
    parts.heard.replaceChildren();
    (call ? call.heard : []).forEach(function (line) {
      var item = el("li", line.language ? {lang: line.language.split("-")[0]} : {}, line.text);
      parts.heard.appendChild(item);
    });
    parts.heard.scrollTop = parts.heard.scrollHeight;
    parts.actions.call.hidden = phone.kind !== "caller" || live;
    parts.actions.answer.hidden = !(call && call.state === "ringing");
    parts.actions.decline.hidden = !(call && call.state === "ringing");
    parts.actions.hangup.hidden = !live || call.state === "ringing";
    parts.actions.skip.hidden = !(live && call.timer);
    parts.keypad.hidden = !live || call.state === "ringing";
    if (parts.texts.childElementCount !== phone.texts.length) {
      parts.texts.replaceChildren();
      phone.texts.forEach(function (text) {
        parts.texts.appendChild(el("li", {"class": text.mine ? "mine" : "theirs"}, text.body));
      });
      parts.texts.scrollTop = parts.texts.scrollHeight;
    }
    speak(phone);
  }

  function drawTimeline(exchanges) {
    var list = document.getElementById("timeline");
    var first = list.firstElementChild;
    var newest = first ? parseInt(first.getAttribute("data-id"), 10) : 0;
    if (exchanges.length === 0) {
      list.replaceChildren(el("li", {"class": "empty"}, words["timeline.empty"]));
      return;
    }
    exchanges.slice().reverse().forEach(function (exchange) {
      if (exchange.id <= newest) {
        return;
      }
      var item = el("li", {"data-id": String(exchange.id), "data-path": exchange.path,
        "data-status": String(exchange.status), "data-signed": String(exchange.signed)});
      var summary = el("details");
      var time = new Date(exchange.at).toLocaleTimeString(root.getAttribute("data-lang"));
      summary.appendChild(el("summary", {}, time + "  POST " + exchange.path + " → " + exchange.status
        + " (" + exchange.millis + " ms)" + (exchange.signed ? "  ✓ X-Twilio-Signature" : "")));
      summary.appendChild(el("pre", {"class": "form"}, Object.keys(exchange.form).sort().map(function (name) {
        return name + "=" + exchange.form[name];
      }).join("\n")));
      summary.appendChild(el("p", {}, words["timeline.answer"]));
      summary.appendChild(el("pre", {"class": "twiml"}, exchange.answer || "–"));
      item.appendChild(summary);
      var placeholder = list.querySelector(".empty");
      if (placeholder) {
        placeholder.remove();
      }
      list.insertBefore(item, list.firstElementChild);
    });
    while (list.childElementCount > 300) {
      list.lastElementChild.remove();
    }
  }

  function draw(state) {
    latest = state;
    state.phones.forEach(function (phone) { drawPhone(phone, state); });
    var known = state.phones.map(function (p) { return p.id; });
    Object.keys(cards).forEach(function (id) {
      if (known.indexOf(id) < 0) {
        cards[id].article.remove();
        delete cards[id];
        delete spoken[id];
      }
    });
    drawTimeline(state.timeline);
    root.setAttribute("data-ready", "true");
  }

  function poll() {
    fetch("/simulator/state", {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.json(); })
      .then(draw)
      .catch(function () { /* the next poll tries again */ })
      .finally(function () { window.setTimeout(poll, 1000); });
  }

  document.getElementById("new-caller").addEventListener("submit", function (event) {
    event.preventDefault();
    showError("caller-error", "");
    var number = document.getElementById("caller-number");
    var withheld = document.getElementById("caller-withheld").checked;
    post("/simulator/phones", {number: number.value, withheld: String(withheld)})
      .then(function (state) {
        draw(state);
        var digits = number.value.replace(/\d+$/, function (tail) {
          return String(parseInt(tail, 10) + 1).padStart(tail.length, "0");
        });
        number.value = digits;
      })
      .catch(function (e) { showError("caller-error", e.message); });
  });
  document.getElementById("sim-reset").addEventListener("click", function () {
    post("/simulator/reset").then(draw).catch(function (e) { showError("sim-error", e.message); });
  });
  window.setInterval(function () {
    // Timers and talk time count on between polls.
    if (latest) {
      latest.phones.forEach(function (phone) {
        if (cards[phone.id]) {
          cards[phone.id].status.textContent = describe(phone.call, latest);
        }
      });
    }
  }, 250);
  poll();
}());
