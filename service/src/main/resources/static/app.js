'use strict';
// The page of the enhance4j service: no build step, no dependencies.
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { file: null, originalUrl: null, resultUrl: null, busy: false };

  function showError(text) {
    $('error').textContent = text;
    $('error').hidden = !text;
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  function number(n) {
    return Number(n).toLocaleString('en');
  }

  async function loadModels() {
    try {
      const response = await fetch('api/models');
      if (!response.ok) {
        throw new Error(await problemText(response));
      }
      const body = await response.json();
      const select = $('model');
      for (const m of body.models) {
        const option = document.createElement('option');
        option.value = m.name;
        option.textContent = m.name + ' (x' + m.scale + ')';
        option.dataset.description = m.description + ' - ' + m.backend + ' on ' + m.device;
        option.selected = m.default;
        select.appendChild(option);
      }
      describeModel();
      const l = body.limits;
      const size = l.maxUploadBytes >= 1048576 ? number(Math.floor(l.maxUploadBytes / 1048576)) + ' MB'
        : number(Math.floor(l.maxUploadBytes / 1024)) + ' KB';
      $('limits').textContent = 'Up to ' + size + ' and '
        + number(l.maxPixels) + ' pixels; results up to ' + number(l.maxOutputPixels) + ' pixels.';
    } catch (e) {
      showError('The list of models could not be loaded: ' + e.message);
    }
  }

  function describeModel() {
    const option = $('model').selectedOptions[0];
    $('model-description').textContent = option ? option.dataset.description : '';
  }

  // An RFC 9457 problem detail in words; anything else by its status.
  async function problemText(response) {
    const type = response.headers.get('Content-Type') || '';
    if (type.includes('json')) {
      try {
        const problem = await response.json();
        let text = (problem.title || 'Error') + (problem.detail ? ': ' + problem.detail : '');
        return text;
      } catch (ignored) {
        // fall through to the status
      }
    }
    return 'The service answered ' + response.status + ' ' + response.statusText + '.';
  }

  function chooseFile(file) {
    if (!file) {
      return;
    }
    state.file = file;
    if (state.originalUrl) {
      URL.revokeObjectURL(state.originalUrl);
    }
    state.originalUrl = URL.createObjectURL(file);
    $('enhance').disabled = false;
    enhance();
  }

  async function enhance() {
    if (!state.file || state.busy) {
      return;
    }
    state.busy = true;
    $('enhance').disabled = true;
    showError('');
    setStatus('Enhancing ' + state.file.name + '...');
    const query = new URLSearchParams();
    query.set('model', $('model').value);
    if ($('scale').value) {
      query.set('scale', $('scale').value);
    }
    if ($('format').value) {
      query.set('format', $('format').value);
    }
    const started = performance.now();
    try {
      const contentType = state.file.type && state.file.type.startsWith('image/')
        ? state.file.type : 'application/octet-stream';
      const response = await fetch('api/enhance?' + query, {
        method: 'POST', headers: { 'Content-Type': contentType }, body: state.file
      });
      if (!response.ok) {
        let text = await problemText(response);
        const retry = response.headers.get('Retry-After');
        if (retry) {
          text += ' (try again in ' + retry + ' s)';
        }
        throw new Error(text);
      }
      const blob = await response.blob();
      showResult(blob, response.headers.get('X-Enhance4j-Size'), performance.now() - started);
      setStatus('Done in ' + ((performance.now() - started) / 1000).toFixed(1) + ' s.');
    } catch (e) {
      setStatus('');
      showError(e instanceof TypeError ? 'The service could not be reached: ' + e.message : e.message);
    } finally {
      state.busy = false;
      $('enhance').disabled = !state.file;
    }
  }

  function showResult(blob, size) {
    if (state.resultUrl) {
      URL.revokeObjectURL(state.resultUrl);
    }
    state.resultUrl = URL.createObjectURL(blob);
    const original = $('original');
    original.src = state.originalUrl;
    $('result').src = state.resultUrl;
    $('result').onload = () => {
      // small images are shown enlarged (at least 640 px wide), large ones fit the page
      $('frame').style.width = Math.max($('result').naturalWidth, 640) + 'px';
    };
    original.onload = () => {
      $('sizes').textContent = 'Original ' + original.naturalWidth + ' x ' + original.naturalHeight
        + ', enhanced ' + (size || '').replace('x', ' x ') + ' (' + number(Math.round(blob.size / 1024)) + ' KB)';
    };
    const ext = blob.type === 'image/jpeg' ? 'jpg' : (blob.type.split('/')[1] || 'png');
    const base = state.file.name.replace(/\.[^.]*$/, '') || 'image';
    $('download').href = state.resultUrl;
    $('download').download = base + '_enhanced.' + ext;
    $('compare').hidden = false;
    slide();
  }

  function slide() {
    const v = $('slider').value;
    $('original').style.clipPath = 'inset(0 ' + (100 - v) + '% 0 0)';
    $('divider').style.left = v + '%';
  }

  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    chooseFile(e.dataTransfer.files[0]);
  });
  $('file').addEventListener('change', (e) => chooseFile(e.target.files[0]));
  $('enhance').addEventListener('click', enhance);
  $('model').addEventListener('change', () => { describeModel(); enhance(); });
  $('scale').addEventListener('change', enhance);
  $('format').addEventListener('change', enhance);
  $('slider').addEventListener('input', slide);
  loadModels();
}());
