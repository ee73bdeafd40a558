"""The ``culture`` command: check the data without building the site.

``culture check`` runs exactly the loading and validation the MkDocs plugin runs, so
the two always agree, and prints every problem at once.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .model.site import Options
from .output.options import OptionsError, read_config_file
from .output.options import read_options as options_of


def read_options(config_file: Path) -> Options:
    """The project options as the plugin would see them in ``mkdocs.yml``."""
    try:
        return options_of(read_config_file(config_file))
    except OptionsError as exc:
        raise SystemExit(f"culture: {config_file.name}: {exc}") from None


def check(args: argparse.Namespace) -> int:
    """Validate everything and print every problem; non-zero exit on errors."""
    from .check import run_check

    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"culture: 找不到 {config_file} / not found; run this in the project folder or pass -f", file=sys.stderr)
        return 2
    result = run_check(
        read_options(config_file),
        strict=args.strict,
        lang=args.lang,
        fmt=args.format,
        translations=args.translations,
        print_files=args.print,
    )
    print(result.text)
    return result.code


def new(args: argparse.Namespace) -> int:
    """Write a commented skeleton of a hall, event, honor, exhibit, panel or board."""
    from .scaffold import Request, ScaffoldError, create

    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"culture: 找不到 {config_file} / not found; run this in the project folder or pass -f", file=sys.stderr)
        return 2
    options = read_options(config_file)
    request = Request(
        kind=args.kind,
        title=args.title,
        root=options.root,
        data_dir=options.data_dir,
        id=args.id,
        today=options.build_date(),
        board=args.board,
        exhibit=args.exhibit,
        hall=args.hall,
        year=args.year,
    )
    try:
        path, new_id = create(request)
    except ScaffoldError as exc:
        print(f"culture new: {exc}", file=sys.stderr)
        return 1
    print(f"已写入 {path.relative_to(options.root).as_posix()}（编号 {new_id}）/ wrote it with id {new_id}")
    print('请补全带 "" 的空白处，再运行 culture check / fill in the blanks, then run culture check')
    return 0


def serve(args: argparse.Namespace) -> int:
    """``mkdocs serve`` without the noise: the preview that shows the problems of a bad save."""
    import os

    # Material prints an end-of-life box on every start; editors cannot act on it.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    if args.print:
        os.environ["CULTURE_PRINT_IN_PREVIEW"] = "1"
    from mkdocs.__main__ import cli as mkdocs_cli

    argv = ["serve", "-f", args.config_file, "-a", args.dev_addr]
    try:
        mkdocs_cli.main(args=argv, prog_name="culture serve", standalone_mode=False)
    except SystemExit as exc:  # pragma: no cover - click's own exits
        return int(exc.code or 0)
    return 0


def build(args: argparse.Namespace) -> int:
    """``mkdocs build`` without the noise: staged, checked, then swapped in (or nothing changes)."""
    import os

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.__main__ import cli as mkdocs_cli

    argv = (
        ["build", "-f", args.config_file]
        + (["--strict"] if args.strict else [])
        + (["-d", args.site_dir] if args.site_dir else [])
    )
    try:
        mkdocs_cli.main(args=argv, prog_name="culture build", standalone_mode=False)
    except SystemExit as exc:  # pragma: no cover - click's own exits
        code = int(exc.code or 0)
    except Exception:  # MkDocs has logged why (our messages name file, line and hint)
        code = 1
    else:
        code = 0
    if code:
        print("culture build: 网站未更新 / the published site is unchanged", file=sys.stderr)
    else:
        print("culture build: 网站已更新 / the site was built, checked and published")
    return code


def export(args: argparse.Namespace) -> int:
    """Write the site as an engine-neutral docs tree (for Zensical, ProperDocs or another engine)."""
    from .core.markup import MarkdownRenderer
    from .model.site import load_site
    from .output.export import ExportError, export_site
    from .output.site import OutputError, Settings, SiteOutput

    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(f"culture: 找不到 {config_file} / not found; run this in the project folder or pass -f", file=sys.stderr)
        return 2
    try:
        config = read_config_file(config_file)
        options = options_of(config)
    except OptionsError as exc:
        print(f"culture: {config_file.name}: {exc}", file=sys.stderr)
        return 2
    site, problems = load_site(options)
    if site is None:
        print(problems.report(warnings=False, lang="zh"), file=sys.stderr)
        return 1
    plugin = config.plugin
    settings = Settings(
        site_name=config.site_name,
        palette=plugin.get("palette") or {},
        photo_max_width=int(plugin.get("photo_max_width", 1600)),
        trusted_html=bool(plugin.get("trusted_html", False)),
        print_files=args.print,
        search=False,
    )
    extensions, configs = _markdown_extensions(config.markdown_extensions)
    output, too_big = SiteOutput.make(site, settings, markdown=MarkdownRenderer(extensions, configs))
    if output is None:
        print("\n".join(too_big), file=sys.stderr)
        return 1
    target = Path(args.out)
    try:
        report = export_site(output, config, target, with_print=args.print)
    except ExportError as exc:
        print(f"culture export: {exc}（导出位置不合适）", file=sys.stderr)
        return 2
    except OutputError as exc:
        print(f"culture export: {exc}", file=sys.stderr)
        return 1
    for line in report.problems:
        print(line, file=sys.stderr)
    print(
        f"已导出 {len(report.pages)} 个页面、{len(report.files)} 个文件到 {target} / exported "
        f"{len(report.pages)} pages and {len(report.files)} files to {target}"
        + (f"（{len(report.withheld)} 张未获同意的照片未导出 / photos withheld）" if report.withheld else "")
    )
    print(f"构建 / build: cd {target} && zensical build  (or: properdocs build)")
    return 1 if report.problems else 0


def _markdown_extensions(entries: tuple[object, ...]) -> tuple[list[str], dict[str, object]]:
    names: list[str] = []
    configs: dict[str, object] = {}
    for entry in entries:
        if isinstance(entry, dict):
            for name, value in entry.items():
                names.append(str(name))
                if value:
                    configs[str(name)] = value
        else:
            names.append(str(entry))
    return names, configs


def schemas(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the data files for editors' tools."""
    from .model.schema import write_schemas

    for path in write_schemas(Path(args.folder)):
        print(path)
    print("Add '# yaml-language-server: $schema=<file>' to a data file, or map data/ to them in your editor.")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``culture`` console script."""
    parser = argparse.ArgumentParser(prog="culture", description="Community culture site tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_check = sub.add_parser("check", help="check data/ and content/ and list every problem")
    p_check.add_argument("--strict", action="store_true", help="fail on warnings too")
    p_check.add_argument("--lang", choices=("zh", "en"), default="zh", help="messages Chinese first (zh) or English")
    p_check.add_argument("--format", choices=("text", "json"), default="text", help="text for people, json for tools")
    p_check.add_argument(
        "--translations", action="store_true", help="list every text that lacks a language, language by language"
    )
    p_check.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_check.add_argument(
        "--no-print",
        dest="print",
        action="store_false",
        help="skip the print preflight (which typesets every changed print page, as the build does)",
    )
    p_check.set_defaults(func=check)
    p_new = sub.add_parser("new", help="write a commented skeleton: hall, event, honor, exhibit, panel or board")
    p_new.add_argument("kind", choices=("hall", "event", "honor", "exhibit", "panel", "board"))
    p_new.add_argument("--title", required=True, help="名称 the title (or a person's name), e.g. 重阳敬老联欢会")
    p_new.add_argument("--id", help="编号 the id (default: from the title, in pinyin)")
    p_new.add_argument("--board", default="morality", help="榜单 the board of an honor (default morality)")
    p_new.add_argument("--exhibit", help="展陈 the exhibit a panel belongs to")
    p_new.add_argument("--hall", help="场馆 the hall of an event or exhibit")
    p_new.add_argument("--year", type=int, help="年份 the year (default: this year)")
    p_new.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_new.set_defaults(func=new)
    p_serve = sub.add_parser("serve", help="preview the site while you edit (problems show in the browser)")
    p_serve.add_argument(
        "-a", "--dev-addr", default="127.0.0.1:8000", help="address to serve on (default 127.0.0.1:8000)"
    )
    p_serve.add_argument(
        "--print",
        action="store_true",
        help="make the print files (PDFs) in the preview too; only what changed is typeset again",
    )
    p_serve.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_serve.set_defaults(func=serve)
    p_build = sub.add_parser("build", help="build the site, check it, and only then replace the published one")
    p_build.add_argument("--strict", action="store_true", help="fail on warnings too")
    p_build.add_argument("-d", "--site-dir", help="the folder to publish into (default: site_dir of mkdocs.yml)")
    p_build.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_build.set_defaults(func=build)
    p_export = sub.add_parser("export", help="write the site as an engine-neutral docs tree (Zensical, ProperDocs)")
    p_export.add_argument("-o", "--out", default="export", help="the folder to write (default export; replaced)")
    p_export.add_argument("--no-print", dest="print", action="store_false", help="leave the print files (PDFs) out")
    p_export.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    p_export.set_defaults(func=export)
    p_schemas = sub.add_parser("schemas", help="write JSON Schemas of the data files for editors' tools")
    p_schemas.add_argument("folder", nargs="?", default=".schemas", help="where to write them (default .schemas)")
    p_schemas.set_defaults(func=schemas)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:  # pragma: no cover
        return 130


def run() -> None:  # pragma: no cover - the console script; tests call main()
    """``culture``: run :func:`main`; after a check, leave without freeing the model object by object.

    Freeing the million small objects of a large calendar one by one takes longer than
    any part of the check but reading it; a check leaves nothing open that needs closing.
    """
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] == ["check"]:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
