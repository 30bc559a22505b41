// Saves text the page made as a file on this device: a Blob URL, never a network request.
window.localOfferSave = function (name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type: type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};

// Opens a page the app rendered (Your support, the personal offer) in a new tab from a Blob URL: the
// page is made here and never sent anywhere; the tab can print it or save it as a PDF.
window.localOfferOpen = function (html) {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  const tab = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return tab !== null;
};
