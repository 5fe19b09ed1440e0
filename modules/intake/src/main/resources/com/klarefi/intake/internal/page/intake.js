// The applicant's page: uploads with progress (one file per request), drag and drop, and the
// documents' status polled live. Without this script the forms still work as plain HTML forms.
(function () {
  'use strict';
  var main = document.getElementById('intake');
  if (!main) {
    return;
  }
  var form = document.getElementById('upload-form');
  var progress = document.getElementById('upload-progress');
  var message = document.getElementById('upload-message');
  var list = document.getElementById('documents');
  var dropZone = document.getElementById('drop-zone');
  var csrf = form.querySelector('input[name="csrf"]').value;
  var valuesForm = document.getElementById('values-form');
  var dirty = false;
  var finishedSinceRender = false;
  var polling = false;

  if (valuesForm) {
    valuesForm.addEventListener('input', function () { dirty = true; });
  }

  function say(key) {
    message.textContent = message.getAttribute('data-' + key);
  }

  function showDocument(doc) {
    var empty = list.querySelector('.empty');
    if (empty) {
      empty.remove();
    }
    var item = list.querySelector('li[data-doc-id="' + doc.doc_id + '"]');
    if (!item) {
      item = document.createElement('li');
      item.setAttribute('data-doc-id', doc.doc_id);
      var name = document.createElement('span');
      name.className = 'filename';
      name.textContent = doc.filename;
      var status = document.createElement('span');
      status.className = 'status';
      item.appendChild(name);
      item.appendChild(document.createTextNode(' '));
      item.appendChild(status);
      list.appendChild(item);
    }
    var before = item.getAttribute('data-status');
    if (before !== doc.status && (doc.status === 'processed' || doc.status === 'failed')) {
      finishedSinceRender = true;
    }
    item.setAttribute('data-status', doc.status);
    item.querySelector('.status').textContent = doc.label;
  }

  function poll() {
    if (polling) {
      return;
    }
    polling = true;
    var request = new XMLHttpRequest();
    request.open('GET', main.getAttribute('data-status-url'));
    request.setRequestHeader('Accept', 'application/json');
    request.onload = function () {
      polling = false;
      if (request.status !== 200) {
        window.location.reload();
        return;
      }
      var body = JSON.parse(request.responseText);
      body.documents.forEach(showDocument);
      if (body.reading) {
        window.setTimeout(poll, 1000);
      } else if (finishedSinceRender && !dirty) {
        window.location.reload();
      }
    };
    request.onerror = function () {
      polling = false;
      window.setTimeout(poll, 3000);
    };
    request.send();
  }

  function upload(fileList) {
    var files = Array.prototype.slice.call(fileList);
    if (files.length === 0) {
      say('none');
      return;
    }
    var total = files.reduce(function (sum, file) { return sum + Math.max(file.size, 1); }, 0);
    var sent = 0;
    var refused = false;
    progress.hidden = false;
    progress.value = 0;
    say('busy');
    function next() {
      if (files.length === 0) {
        progress.value = 100;
        if (!refused) {
          say('done');
        }
        poll();
        return;
      }
      var file = files.shift();
      var data = new FormData();
      data.append('csrf', csrf);
      data.append('file', file, file.name);
      var request = new XMLHttpRequest();
      request.open('POST', main.getAttribute('data-upload-url'));
      request.setRequestHeader('Accept', 'application/json');
      request.upload.onprogress = function (event) {
        if (event.lengthComputable) {
          progress.value = Math.round(100 * (sent + event.loaded * Math.max(file.size, 1) / event.total) / total);
        }
      };
      request.onload = function () {
        sent += Math.max(file.size, 1);
        if (request.status === 403 || request.status === 410) {
          window.location.reload();
          return;
        }
        var body = {};
        try {
          body = JSON.parse(request.responseText);
        } catch (ignored) {
          say('failed');
          return;
        }
        (body.documents || []).forEach(showDocument);
        (body.refused || []).forEach(function (item) {
          refused = true;
          message.textContent = (item.filename ? item.filename + ': ' : '') + item.message;
        });
        next();
      };
      request.onerror = function () { say('failed'); };
      request.send(data);
    }
    next();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var files = [];
    form.querySelectorAll('input[type="file"]').forEach(function (input) {
      files = files.concat(Array.prototype.slice.call(input.files));
    });
    upload(files);
  });
  form.querySelectorAll('input[type="file"]').forEach(function (input) {
    input.addEventListener('change', function () {
      upload(input.files);
      input.value = '';
    });
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    dropZone.addEventListener(type, function (event) {
      event.preventDefault();
      dropZone.classList.add('dragging');
    });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    dropZone.addEventListener(type, function () { dropZone.classList.remove('dragging'); });
  });
  dropZone.addEventListener('drop', function (event) {
    event.preventDefault();
    upload(event.dataTransfer.files);
  });

  if (main.getAttribute('data-reading') === 'true') {
    poll();
  }
}());
