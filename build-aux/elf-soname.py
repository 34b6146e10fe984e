#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints the SONAME of a shared library (the name dlopen() should ask for).

  elf-soname.py LIBRARY

Reads the ELF dynamic section itself, so no binutils are needed. Prints
nothing and exits 0 when LIBRARY is missing, not ELF or has no SONAME:
meson then links the library as usual (see src/core/sc-xml-lazy.c).
"""
import os
import struct
import sys

SHT_DYNAMIC = 6
DT_NULL = 0
DT_SONAME = 14


def soname(path):
    with open(os.path.realpath(path), 'rb') as f:
        data = f.read()
    if data[:4] != b'\x7fELF':
        return None
    is64 = data[4] == 2
    order = '<' if data[5] == 1 else '>'
    if is64:
        shoff, = struct.unpack_from(order + 'Q', data, 0x28)
        shentsize, shnum = struct.unpack_from(order + 'HH', data, 0x3A)
        sh_fmt, dyn_fmt = 'IIQQQQIIQQ', 'qQ'
    else:
        shoff, = struct.unpack_from(order + 'I', data, 0x20)
        shentsize, shnum = struct.unpack_from(order + 'HH', data, 0x2E)
        sh_fmt, dyn_fmt = 'IIIIIIIIII', 'iI'
    sections = [struct.unpack_from(order + sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    dyn_size = struct.calcsize(order + dyn_fmt)
    for section in sections:
        if section[1] != SHT_DYNAMIC:
            continue
        offset, size, link = section[4], section[5], section[6]
        strtab_offset = sections[link][4]
        for at in range(offset, offset + size, dyn_size):
            tag, value = struct.unpack_from(order + dyn_fmt, data, at)
            if tag == DT_NULL:
                break
            if tag == DT_SONAME:
                start = strtab_offset + value
                return data[start:data.index(b'\0', start)].decode()
    return None


def main():
    try:
        name = soname(sys.argv[1])
    except (OSError, struct.error, IndexError, ValueError, UnicodeDecodeError):
        name = None
    if name:
        print(name)
    return 0


if __name__ == '__main__':
    sys.exit(main())
