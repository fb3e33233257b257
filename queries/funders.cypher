//+ name: funders
//+ description: Who funds what - funders with the funded event, process, agreement or organisation, amount, currency, kind of support, status and documents.
//+ params: {}
//+ example: {}
//+ columns: [funder, funder_label, funded, funded_label, amount, currency, support, status, docs]
//+ lists: [docs]
MATCH (f)-[r:FUNDS]->(t)
RETURN f.id AS funder, f.label AS funder_label, t.id AS funded, t.label AS funded_label, r.amount AS amount,
       r.currency AS currency, r.support AS support, r.status AS status, r.docs AS docs
