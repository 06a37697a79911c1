"""A tiny NLI cross-encoder built on disk, whose reading the test chooses.

A real BERT sequence classifier (one layer, eight dimensions) with its classifier's weights
at zero: whatever the texts, it reads the label its bias favours. The loading code, the
label mapping and the verdict policy then run on a real transformers model without
downloading one.
"""

from __future__ import annotations

from pathlib import Path

LABELS = ("contradiction", "neutral", "entailment")  # not the order every model uses


def build_nli_model(
    folder: Path, reads: str, labels: tuple[str, ...] = LABELS, strength: float = 5.0
) -> Path:
    """Save a model that reads every pair as ``reads`` (one of ``labels``) into ``folder``."""
    import torch
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "source", "claim"]
    (folder / "vocab.txt").write_text("\n".join(vocab), encoding="utf-8")
    tokenizer = BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), model_max_length=512)
    config = BertConfig(
        vocab_size=len(vocab),
        hidden_size=8,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=16,
        max_position_embeddings=512,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={label: i for i, label in enumerate(labels)},
    )
    model = BertForSequenceClassification(config)
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.copy_(
            torch.tensor([strength if label == reads else 0.0 for label in labels])
        )
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
