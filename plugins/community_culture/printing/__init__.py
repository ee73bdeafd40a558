"""Print-ready PDFs: page sizes, rendering with WeasyPrint, preflight and a disk cache.

Importing this package loads no WeasyPrint: the build and ``culture check`` only pay
for it when a PDF is actually made.
"""
