// The kiosk's service worker: on installation it keeps every file of the app (the list
// and the version are filled in by scripts/build-web.sh), then answers every request for
// them from that copy, so the app starts and runs with the network off. It never fetches
// anything else; a new build (a new version) replaces the copy on the next visit online.
const VERSION = '@VERSION@';
const FILES = @FILES@;
const CACHE = `microneedling-kiosk-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names
        .filter((name) => name.startsWith('microneedling-kiosk-') && name !== CACHE)
        .map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  const url = new URL(event.request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(event.request, { ignoreSearch: true }).then((kept) => kept || fetch(event.request))),
  );
});
