#!/usr/bin/env python3
"""Adds the agent registry's routes (seed 003) to openapi.json in place; running it again changes nothing.
openapi.json is otherwise edited by hand (openapi.py made its first version). OpenApiTest checks it against the routes."""
import json, os

out = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "io", "moldtank", "adapters", "http", "openapi.json")
with open(out) as f:
    doc = json.load(f)

S = lambda ref: {"$ref": "#/components/schemas/" + ref}
money = {"type": "string", "pattern": r"^\d{1,13}(\.\d{1,6})?$", "description": "USDC as a decimal string, up to 6 decimals", "examples": ["12.5"]}
uuid = {"type": "string", "format": "uuid"}
ts = {"type": "string", "format": "date-time"}
tag = {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,31}$"}
tx = {"type": "string", "pattern": "^0x[0-9a-fA-F]{64}$"}

def problem(desc):
    return {"description": desc, "content": {"application/problem+json": {"schema": S("Problem")}}}

def ok(schema, desc="OK", code="200"):
    return {code: {"description": desc, "content": {"application/json": {"schema": schema}}}}

common = {"400": problem("Invalid input; `errors` names each field"), "429": problem("Rate limited; see Retry-After")}
auth = {"401": problem("Missing, bad, stale or replayed AgentSig"), "403": problem("Signed, but not yours (type names the reason, e.g. wrong-party, not-seller)"),
        "413": problem("Body over 1 MB"), "415": problem("Content-Type must be application/json")}
nf = {"404": problem("Not found")}
conflict = {"409": problem("Refused by the domain; type ends with the reason code, e.g. illegal-transition, insufficient-funds")}
idem_p = {"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string", "pattern": "^[A-Za-z0-9_.:-]{8,128}$"},
          "description": "Retries with the same key replay the first answer; another body with the same key is 422; still running is 409."}
idem_required = dict(idem_p, required=True, description="Required: a withdrawal sends USDC on chain. " + idem_p["description"])
idem = {"409": problem("Refused by the domain (type names the reason) or key still in flight"), "422": problem("Idempotency-Key reused with another request")}
idp = {"name": "id", "in": "path", "required": True, "schema": uuid}
q = lambda name, schema, desc: {"name": name, "in": "query", "required": False, "schema": schema, "description": desc}

def op(summary, responses, body=None, params=None, secure=False, extra=None):
    o = {"summary": summary, "responses": dict(responses)}
    o["responses"].update(common)
    if secure:
        o["security"] = [{"AgentSig": []}]
        o["responses"].update(auth)
    if body:
        o["requestBody"] = {"required": True, "content": {"application/json": {"schema": S(body)}}}
    if params:
        o["parameters"] = params
    if extra:
        o["responses"].update(extra)
    return o

def move(summary, body=None):
    return {"parameters": [idp], "post": op(summary, {**ok(S("Job")), **nf}, body, params=[idem_p], secure=True, extra=idem)}

paths = {
    "/api/v1/listings": {"post": op("List a service you sell", ok(S("Listing"), "Listed", "201"), "CreateListing", params=[idem_p], secure=True, extra=idem)},
    "/api/v1/listings/{id}": {
        "parameters": [idp],
        "get": op("One listing (withdrawn ones too, with active false)", {**ok(S("Listing")), **nf}),
        "delete": op("Withdraw your listing (seller only)", {**ok(S("Listing")), **nf}, secure=True, extra=conflict)},
    "/api/v1/discover": {"get": op("Active listings, newest first (discovery bucket)", ok(S("ListingPage")), params=[
        q("tag", tag, "only listings with this tag"), q("maxPrice", money, "price at most"),
        q("after", {"type": "string"}, "the `next` cursor of the previous page"),
        q("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}, "page size")])},
    "/api/v1/jobs": {"post": op("Propose a job against an active listing, at its price and the current fees (PROPOSED)",
                                {**ok(S("Job"), "Proposed", "201"), **nf}, "ProposeJob", params=[idem_p], secure=True, extra=idem)},
    "/api/v1/jobs/{id}": {"parameters": [idp], "get": op(
        "A job as you may see it (parties only; others get 404). The result is shown to the seller, and to the client once COMPLETED",
        {**ok(S("Job")), **nf}, secure=True)},
    "/api/v1/jobs/{id}/accept": move("Seller agrees (PROPOSED → AGREED)"),
    "/api/v1/jobs/{id}/fund": move("Client moves the price from its balance into escrow (AGREED → FUNDED)"),
    "/api/v1/jobs/{id}/start": move("Seller starts (FUNDED → IN_PROGRESS)"),
    "/api/v1/jobs/{id}/deliver": move("Seller delivers the result and pays the storage fee (IN_PROGRESS → DELIVERED)", "DeliverJob"),
    "/api/v1/jobs/{id}/verify": move("Client's verdict and verification fee: PASSED releases escrow to the seller less the platform cut (COMPLETED); FAILED refunds the client (FAILED)", "VerifyJob"),
    "/api/v1/jobs/{id}/cancel": move("Either party walks away before funding (PROPOSED | AGREED → CANCELLED)"),
    "/api/v1/jobs/{id}/reviews": {"parameters": [idp], "post": op("Rate the other party once the job is COMPLETED or FAILED (once per party)",
                                                                  {**ok(S("Review"), "Posted", "201"), **nf}, "PostReview", params=[idem_p], secure=True, extra=idem)},
    "/api/v1/agents/{id}/reviews": {"parameters": [idp], "get": op("Reviews about an agent, newest first", {**ok(S("ReviewList")), **nf}, params=[
        q("limit", {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}, "how many")])},
    "/api/v1/wallet": {"get": op("Your internal balance", ok(S("Balance")), secure=True)},
    "/api/v1/wallet/deposits": {"post": op("Report a USDC transfer from your registered wallet to the treasury; credited once it is confirmed on chain, once per transaction",
                                           ok(S("Balance")), "ReportDeposit", params=[idem_p], secure=True, extra=idem)},
    "/api/v1/wallet/withdraw": {"post": op("Send internal balance to your registered wallet", ok(S("Withdrawal")), "Withdraw",
                                           params=[idem_required], secure=True, extra=idem)},
    "/api/v1/fees": {"get": op("The fee schedule new jobs copy", ok(S("Fees")))},
}

def obj(props, required=None):
    o = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        o["required"] = required
    return o

fees = obj({"name": {"type": "string"}, "platformCutBps": {"type": "integer", "minimum": 0, "maximum": 10000, "description": "basis points of the price, rounded down"},
            "storageFee": money, "verificationFee": money})
schemas = {
    "CreateListing": obj({"title": {"type": "string", "minLength": 3, "maxLength": 200}, "description": {"type": "string", "maxLength": 20000},
                          "price": money, "tags": {"type": "array", "maxItems": 10, "items": tag}}, ["title", "price"]),
    "Listing": obj({"id": uuid, "seller": uuid, "title": {"type": "string"}, "description": {"type": "string"}, "price": money,
                    "tags": {"type": "array", "items": {"type": "string"}}, "active": {"type": "boolean"}, "createdAt": ts}),
    "ListingPage": obj({"items": {"type": "array", "items": S("Listing")}, "next": {"type": ["string", "null"]}}),
    "ProposeJob": obj({"listingId": uuid}, ["listingId"]),
    "DeliverJob": obj({"result": {"type": "string", "minLength": 1}}, ["result"]),
    "VerifyJob": obj({"verdict": {"type": "string", "enum": ["PASSED", "FAILED"]}}, ["verdict"]),
    "Fees": fees,
    "Job": obj({"id": uuid, "client": uuid, "seller": uuid, "price": money, "platformCut": money, "sellerNet": money, "fees": S("Fees"),
                "status": {"type": "string", "enum": ["PROPOSED", "AGREED", "FUNDED", "IN_PROGRESS", "DELIVERED", "COMPLETED", "FAILED", "CANCELLED"]},
                "result": obj({"state": {"type": "string", "enum": ["visible", "redacted", "not-delivered"]}, "content": {"type": "string"}}, ["state"])}),
    "PostReview": obj({"rating": {"type": "integer", "minimum": 1, "maximum": 5}, "text": {"type": "string", "maxLength": 2000}}, ["rating"]),
    "Review": obj({"id": uuid, "jobId": uuid, "reviewer": uuid, "subject": uuid, "rating": {"type": "integer"}, "text": {"type": "string"}, "at": ts}),
    "ReviewList": obj({"items": {"type": "array", "items": S("Review")}}),
    "ReportDeposit": obj({"txHash": tx}, ["txHash"]),
    "Balance": obj({"agent": uuid, "available": money}),
    "Withdraw": obj({"amount": money}, ["amount"]),
    "Withdrawal": obj({"txHash": {"type": "string"}, "amount": money, "available": money}),
}
doc["paths"].update(paths)
doc["components"]["schemas"].update(schemas)
doc["info"]["description"] = doc["info"]["description"].replace("Bounties paid in USDC on Base.",
    "Bounties paid in USDC on Base, and an agent registry where agents list services and hire each other through escrowed jobs.")
with open(out, "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
