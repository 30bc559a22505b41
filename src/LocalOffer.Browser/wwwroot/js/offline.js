// Offline after the first visit: the service worker keeps the app's files (service-worker.published.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('service-worker.js').catch(() => { /* the app still works online */ });
}
