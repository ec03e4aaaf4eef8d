#!/usr/bin/env python3
"""A network link with a fixed one-way delay on its UDP traffic, in user space, for spark-cluster --delay on kernels
without tc's netem qdisc: creates the TAP devices A and B, prints "ready", then passes every Ethernet frame from
one to the other, UDP ones (the workers' Aeron exchanges) DELAY_MS later and in order, the rest at once, until
killed. spark-cluster moves A into a worker's namespace and joins B to its bridge; tc shapes both.

usage: link-delay.py A B DELAY_MS
"""
import fcntl
import heapq
import os
import select
import struct
import sys
import time

TUNSETIFF = 0x400454CA
IFF_TAP = 0x0002
IFF_NO_PI = 0x1000
ETHERTYPE_IPV4 = b"\x08\x00"
UDP = 17


def open_tap(name):
    fd = os.open("/dev/net/tun", os.O_RDWR | os.O_NONBLOCK)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), IFF_TAP | IFF_NO_PI))
    return fd


def is_udp(frame):
    return len(frame) > 23 and frame[12:14] == ETHERTYPE_IPV4 and frame[23] == UDP


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    delay = float(sys.argv[3]) / 1000
    a, b = open_tap(sys.argv[1]), open_tap(sys.argv[2])
    other = {a: b, b: a}
    pending = []  # (due, sequence, device, frame): a heap, in order of arrival among equal dues
    sequence = 0
    print("ready", flush=True)
    while True:
        timeout = max(0.0, pending[0][0] - time.monotonic()) if pending else None
        readable, _, _ = select.select([a, b], [], [], timeout)
        for fd in readable:
            while True:
                try:
                    frame = os.read(fd, 65536)
                except BlockingIOError:
                    break
                if is_udp(frame):
                    heapq.heappush(pending, (time.monotonic() + delay, sequence, other[fd], frame))
                    sequence += 1
                else:
                    send(other[fd], frame)
        while pending and pending[0][0] <= time.monotonic():
            _, _, fd, frame = heapq.heappop(pending)
            send(fd, frame)


def send(fd, frame):
    try:
        os.write(fd, frame)
    except OSError:
        pass  # a full queue drops the frame, as a wire would; Aeron resends what it needs


if __name__ == "__main__":
    main()
