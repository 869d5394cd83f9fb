// Reading the strife HTTP API (served by the same process as this page).

/** Raised for an API answer that is not 2xx: carries the API's one-line `error`. */
export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

/** The URL of an API path with query parameters (a URLSearchParams or a plain object). */
export function apiUrl(path, params) {
  const query = params ? new URLSearchParams(params).toString() : "";
  return `/api/${path}${query ? `?${query}` : ""}`;
}

const pending = new Map(); // URL -> promise of its answer, while the request is in flight

/**
 * GET an API path as JSON; throws ApiError with the server's message on a 4xx/5xx. Views asking
 * for the same URL at the same time (the first load asks /api/stats from three places) share one
 * request; nothing is kept once it is answered, so data is never stale.
 */
export function getJSON(path, params) {
  const url = apiUrl(path, params);
  if (!pending.has(url)) {
    pending.set(url, fetchJSON(path, url).finally(() => pending.delete(url)));
  }
  return pending.get(url);
}

async function fetchJSON(path, url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (body && body.error) message = body.error;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(`${path}: ${message}`, response.status);
  }
  return response.json();
}
