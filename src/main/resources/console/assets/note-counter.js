// The note form's counter follows the typing; without script it shows the count the page was made with.
document.addEventListener("DOMContentLoaded", function () {
  var body = document.getElementById("body");
  var count = document.getElementById("body-count");
  if (!body || !count) {
    return;
  }
  body.addEventListener("input", function () {
    count.textContent = String(body.value.length);
  });
});
