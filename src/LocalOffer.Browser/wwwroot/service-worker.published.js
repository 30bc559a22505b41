// LocalOffer in the browser, offline after its first visit (issue 27): on install every file the
// app needs is fetched once into a cache named after the build (service-worker-assets.js, written
// by dotnet publish, lists them with their SHA-256), and afterwards every GET is answered from that
// cache, the network only for what is not in it. A new build has a new version: its files are
// cached afresh and the old cache is deleted. Nothing the person opens or types is ever cached:
// their files are read in the page and never sent anywhere.
self.importScripts('./service-worker-assets.js');

const prefix = 'localoffer-';
const cacheName = prefix + self.assetsManifest.version;
// The app's own files; compressed copies (.br, .gz) are the host's business, not the cache's.
const wanted = [/\.wasm$/, /\.dll$/, /\.html$/, /\.js$/, /\.json$/, /\.css$/, /\.png$/, /\.svg$/, /\.ico$/, /\.woff2?$/, /\.dat$/, /\.blat$/];
const unwanted = [/^service-worker\.js$/];
const scope = new URL('./', self.location).href;
const known = new Set(self.assetsManifest.assets.map(a => new URL(a.url, scope).href));

self.addEventListener('install', event => event.waitUntil((async () => {
  const requests = self.assetsManifest.assets
    .filter(a => wanted.some(p => p.test(a.url)) && !unwanted.some(p => p.test(a.url)))
    .map(a => new Request(a.url, { integrity: a.hash, cache: 'no-cache' }));
  const cache = await caches.open(cacheName);
  await cache.addAll(requests);
  await self.skipWaiting();
})()));

self.addEventListener('activate', event => event.waitUntil((async () => {
  const names = await caches.keys();
  await Promise.all(names.filter(n => n.startsWith(prefix) && n !== cacheName).map(n => caches.delete(n)));
  await self.clients.claim();
})()));

self.addEventListener('fetch', event => {
  if (event.request.method !== 'GET') return;
  event.respondWith((async () => {
    // The app's own addresses (/check, /batch) are its one page, index.html.
    const page = event.request.mode === 'navigate' && !known.has(event.request.url);
    const cache = await caches.open(cacheName);
    const hit = await cache.match(page ? 'index.html' : event.request);
    return hit || fetch(event.request);
  })());
});
