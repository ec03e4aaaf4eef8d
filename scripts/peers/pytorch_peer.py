#!/usr/bin/python3
"""PyTorch peer of `dlspark bench`: trains the seed's CNN or LSTM text classifier as DLSpark's zoo defines them.

The bench exports the examples its DLSpark settings train on (NumPy files: x, y one-hot, mask for texts), so both
sides see the same data, split, minibatch size, updater and epochs. This script writes a metrics.json with the
fields of DLSpark's own (trainExamples, accuracy, history[].trainSeconds), which the bench tabulates beside them.
Needs Debian's python3-torch (the bench installs it); the test suite never runs this.

  pytorch_peer.py --model cnn --arrays DIR --epochs 4 --batch 64 --threads 2 --out DIR
"""
import argparse
import json
import os
import time

import numpy as np
import torch
from torch import nn


def keras_cnn(classes):
    """Conv2D(32,3x3,relu), MaxPool 2, Conv2D(64), MaxPool 2, Conv2D(64), Flatten, Dense(64,relu), Dense(10)."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3), nn.ReLU(), nn.Flatten(),
        nn.Linear(576, 64), nn.ReLU(), nn.Linear(64, classes))


class LstmClassifier(nn.Module):
    """Embedding, LSTM(64) read at each sequence's last real time step, Dense(softmax): the zoo's `lstm`."""

    def __init__(self, vocabulary, embedding, hidden, classes):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.lstm = nn.LSTM(embedding, hidden, batch_first=True)
        self.output = nn.Linear(hidden, classes)

    def forward(self, tokens, lengths):
        states, _ = self.lstm(self.embedding(tokens))
        last = states[torch.arange(states.shape[0]), lengths - 1]
        return self.output(last)


def glorot(module):
    """Keras' (and DLSpark's) initialisation: Glorot-uniform weights, zero biases."""
    if isinstance(module, (nn.Conv2d, nn.Linear)):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


def load(arrays, split, model):
    x = np.load(os.path.join(arrays, split + "-x.npy"))
    y = torch.from_numpy(np.load(os.path.join(arrays, split + "-y.npy")).argmax(axis=1))
    if model == "cnn":
        return (torch.from_numpy(x.astype(np.float32)),), y
    tokens = torch.from_numpy(x.reshape(x.shape[0], -1).astype(np.int64))
    mask = np.load(os.path.join(arrays, split + "-mask.npy"))
    lengths = torch.from_numpy(mask.sum(axis=1).astype(np.int64)).clamp(min=1)
    return (tokens, lengths), y


def build(model, inputs, classes):
    if model == "cnn":
        net = keras_cnn(classes)
        net.apply(glorot)
        return net, torch.optim.RMSprop(net.parameters(), lr=1e-3, alpha=0.9, eps=1e-7)
    vocabulary = int(inputs[0].max()) + 1
    net = LstmClassifier(max(vocabulary, 20_000), 64, 64, classes)
    return net, torch.optim.Adam(net.parameters(), lr=1e-3)


def accuracy(net, inputs, y, batch):
    net.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(y), batch):
            part = [t[start:start + batch] for t in inputs]
            correct += (net(*part).argmax(dim=1) == y[start:start + batch]).sum().item()
    net.train()
    return correct / len(y)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", choices=["cnn", "lstm"], required=True)
    parser.add_argument("--arrays", required=True, help="folder of train-x.npy, train-y.npy, test-x.npy, ...")
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--batch", type=int, required=True)
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", required=True, help="folder that receives metrics.json")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(args.seed)
    train_inputs, train_y = load(args.arrays, "train", args.model)
    test_inputs, test_y = load(args.arrays, "test", args.model)
    classes = int(np.load(os.path.join(args.arrays, "train-y.npy"), mmap_mode="r").shape[1])
    net, optimizer = build(args.model, train_inputs, classes)
    loss_function = nn.CrossEntropyLoss()
    order = torch.Generator().manual_seed(args.seed)
    history = []
    print(f"PyTorch {torch.__version__}, {args.threads} thread(s): {args.model} on {len(train_y)} examples", flush=True)
    for epoch in range(1, args.epochs + 1):
        permutation = torch.randperm(len(train_y), generator=order)
        started = time.perf_counter()
        total, batches = 0.0, 0
        for start in range(0, len(train_y), args.batch):
            chosen = permutation[start:start + args.batch]
            optimizer.zero_grad()
            loss = loss_function(net(*[t[chosen] for t in train_inputs]), train_y[chosen])
            loss.backward()
            optimizer.step()
            total += loss.item()
            batches += 1
        seconds = time.perf_counter() - started
        test_accuracy = accuracy(net, test_inputs, test_y, 1024)
        history.append({"epoch": epoch, "loss": total / batches, "testAccuracy": test_accuracy,
                        "examplesPerSecond": len(train_y) / seconds, "trainSeconds": seconds})
        print(f"epoch {epoch}/{args.epochs}  loss {total / batches:.4f}  test accuracy {test_accuracy:.4f}  "
              f"{len(train_y) / seconds:.0f} examples/s", flush=True)
    metrics = {"model": args.model, "peer": "PyTorch " + torch.__version__, "threads": args.threads,
               "epochs": args.epochs, "batchSize": args.batch, "trainExamples": len(train_y),
               "accuracy": history[-1]["testAccuracy"], "history": history}
    os.makedirs(args.out, exist_ok=True)
    staged = os.path.join(args.out, ".metrics.json.tmp")
    with open(staged, "w") as file:
        json.dump(metrics, file, indent=2)
    os.replace(staged, os.path.join(args.out, "metrics.json"))


if __name__ == "__main__":
    main()
