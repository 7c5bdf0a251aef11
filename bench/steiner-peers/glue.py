#!/usr/bin/env python3
"""Joins two PACE 2018 .gr instances at a terminal (the first terminal of each becomes one node), for the
block-decomposition measurement in bench/README.md (section steiner-peers, session 39).

usage: glue.py A.gr B.gr OUT.gr"""
import sys


def read(path):
    nodes, edges, terminals = 0, [], []
    for line in open(path):
        w = line.split()
        if not w:
            continue
        if w[0] == 'Nodes':
            nodes = int(w[1])
        elif w[0] == 'E':
            edges.append((int(w[1]), int(w[2]), int(w[3])))
        elif w[0] == 'T':
            terminals.append(int(w[1]))
    return nodes, edges, terminals


na, ea, ta = read(sys.argv[1])
nb, eb, tb = read(sys.argv[2])
glue_a, glue_b = ta[0], tb[0]


def shift(v):
    # B's nodes follow A's (1-based ids); B's glue terminal is A's
    return glue_a if v == glue_b else na + (v if v < glue_b else v - 1)


edges = ea + [(shift(u), shift(v), w) for u, v, w in eb]
terminals = sorted(set(ta + [shift(t) for t in tb]))
with open(sys.argv[3], 'w') as f:
    f.write('SECTION Graph\nNodes %d\nEdges %d\n' % (na + nb - 1, len(edges)))
    f.writelines('E %d %d %d\n' % e for e in edges)
    f.write('END\n\nSECTION Terminals\nTerminals %d\n' % len(terminals))
    f.writelines('T %d\n' % t for t in terminals)
    f.write('END\n\nEOF\n')
