"""The "bare script" for cold start-up: open an untrack index with Whoosh directly, parse
the query (OR-grouped, over the paragraph text), print the top 10 with highlights.

    python bench/bare_search.py INDEX_DIR QUERY

It is the floor for a whole `untrack search` process: the interpreter, Whoosh's imports,
opening the index, one search and highlighting, with no CLI framework, renderer or
untrack code of its own. It reads the stored `record` (untrack's schema) or a stored
`text` field.
"""

import os
import sys

from whoosh import index
from whoosh.qparser import OrGroup, QueryParser


def main() -> None:
    folder, query = sys.argv[1], sys.argv[2]
    current = os.path.join(folder, "current")
    ix = index.open_dir(current if os.path.isdir(current) else folder)
    with ix.searcher() as searcher:
        q = QueryParser("text", ix.schema, group=OrGroup).parse(query)
        out = []
        for hit in searcher.search(q, limit=10):
            fields = hit.fields()
            rec = fields.get("record") or fields
            text = rec.get("text", "")
            out.append(
                f"{rec.get('id', hit.docnum)}  {rec.get('speaker') or ''}\n  {hit.highlights('text', text=text)}"
            )
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
