#!/usr/bin/env bash
# Set up, build the knowledge base from the demo corpus, print cited search results, start the app.
# NO_APP=1 skips starting the app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/kb build corpus/
for q in "一带一路如何缩小东西部差距" "西部森林覆盖率"; do
  .venv/bin/kb search "$q" --k 3
done
.venv/bin/kb facts --subject 西部 | head -15
if [ -z "${NO_APP:-}" ]; then
  echo "Starting the app at http://localhost:8501 (Ctrl-C to stop)"
  exec .venv/bin/streamlit run app.py --server.headless true
fi
