// Shared links (static/src/page/query.js).
import assert from "node:assert/strict";
import { test } from "node:test";

import { withoutEmptyParameters } from "../../static/src/page/query.js";

test("a shared link carries no empty parameters and keeps the rest in order", () => {
  assert.equal(
    withoutEmptyParameters("https://summit.example/?q=&from=&actor=japan&actor=china&to=+&event=nara"),
    "https://summit.example/?actor=japan&actor=china&event=nara",
  );
  assert.equal(withoutEmptyParameters("https://summit.example/?q="), "https://summit.example/");
});
