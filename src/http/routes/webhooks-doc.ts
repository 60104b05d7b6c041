/** How a receiver checks a delivery: in the OpenAPI descriptions and the README. */
export const WEBHOOK_SIGNATURE_DOC = [
  "**Deliveries** are `POST` with a JSON body `{id, type, occurredAt, municipality: {id, name}, record: {kind, id, number, url}}` — `occurredAt` in Japan time (+09:00); never residents' personal data nor the names of the staff who acted: the receiver reads the record through the API with its own account.",
  "They are signed as the Standard Webhooks specification says: headers `webhook-id` (the event id, the same on every retry: deduplicate by it), `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64>` — the HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<raw body>` keyed with the secret's bytes (the base64 after `whsec_`). Several space-separated signatures appear for 24 hours after a rotation; accept the message when one matches, compare in constant time, and refuse a timestamp more than 5 minutes away.",
  'Answer 2xx within 10 seconds. Anything else (a redirect is not followed) is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then the delivery is marked failed.',
].join('\n\n');
