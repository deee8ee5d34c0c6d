"""What evaluations share within one run: the embedder, the project's folders and researched
companies (researching a handbook takes half a minute; every part and every grid point that
needs it reuses one database)."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from askback.evaluate.part import MissingData

if TYPE_CHECKING:
    from askback.nlp.embeddings import Embedder
    from askback.runtime import Runtime

ROOT = Path(__file__).resolve().parent.parent.parent  # the project checkout: README, tests/data
CORPORA = ROOT.parent / "shared" / "corpora"
CACHE = ROOT / ".cache" / "evaluate"


def research_digest() -> str:
    """What a researched database depends on: the research and nlp code and the topic data.
    Researched handbooks are kept under this digest, so any change to how research reads,
    splits or classifies starts afresh instead of measuring stale facts."""
    import hashlib

    import askback

    package = Path(askback.__file__).parent
    digest = hashlib.sha256(askback.__version__.encode())
    for folder in ("research", "nlp", "store"):
        for path in sorted((package / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".yaml", ".jsonl"}:
                digest.update(path.relative_to(package).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cached_databases(close_calls_only: bool = True) -> Path:
    """The folder of researched databases for today's research code (gitignored); databases
    researched with MiniLM on every keyword sentence are kept apart from those of the default
    (close-call) mode."""
    folder = CACHE / research_digest()
    return folder if close_calls_only else folder / "every-keyword-sentence"


@dataclass
class Workbench:
    root: Path = ROOT
    corpora: Path = CORPORA
    db_dir: Path | None = None  # keep researched databases here across runs; a temporary folder otherwise
    # research as `askback research` does: MiniLM vectors only for the close calls (False: for
    # every keyword sentence)
    close_calls_only: bool = True
    _databases: dict[str, Runtime] = field(default_factory=dict)
    _tmp: tempfile.TemporaryDirectory[str] | None = None

    @cached_property
    def embedder(self) -> Embedder:
        from askback.nlp.embeddings import load_installed

        return load_installed()

    def labelled(self, relative: str) -> Path:
        """A labelled set under the checkout (tests/data/...), or MissingData."""
        path = self.root / relative
        if not path.exists():
            raise MissingData(f"{relative} is not here (it lives in the project checkout, not the package)")
        return path

    def corpus(self, name: str) -> Path:
        path = self.corpora / name
        if not path.exists():
            raise MissingData(f"the corpus {name} is not at {path} (CI has ../shared/corpora; a clone does not)")
        return path

    def researched(self, company: str, source: Path) -> Runtime:
        """A database holding ``company`` researched from ``source``; re-research skips unchanged pages."""
        if company in self._databases:
            return self._databases[company]
        from askback.research.service import research
        from askback.runtime import Runtime

        folder = self._folder()
        slug = "".join(c if c.isalnum() else "-" for c in company.lower())
        runtime = Runtime.open(f"sqlite:///{folder / (slug + '.db')}", embedder=self.embedder)
        research(runtime, company, [str(source)], close_calls_only=self.close_calls_only)
        self._databases[company] = runtime
        return runtime

    def _folder(self) -> Path:
        if self.db_dir is not None:
            self.db_dir.mkdir(parents=True, exist_ok=True)
            return self.db_dir
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="askback-evaluate-")
        return Path(self._tmp.name)

    def close(self) -> None:
        for runtime in self._databases.values():
            runtime.db.dispose()
        self._databases.clear()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
