"""Pages and words around the content: the search page, the staff page, the header and footer.

Residents read the site; staff keep it. The staff page gathers what residents do not
need on their way (building-standard checklists, open data, print files), so the
pages residents read stay short. The header and footer words are here too, handed to
the theme's templates by the engine adapter through :func:`chrome`.
"""

from __future__ import annotations

from ..model.hall import assess
from ..model.site import Site
from .plan import PageSpec, Plan
from .printlist import manifest
from .strings import translate

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "skip": "跳到正文",
        "menu": "菜单",
        "menu.name": "打开导航菜单",
        "search": "搜索",
        "search.name": "搜索本站",
        "search.intro": "输入活动、场馆、荣誉榜或展板的字词，例如“重阳”“篮球”“图书室”。",
        "search.nojs": "搜索需要浏览器开启 JavaScript。也可以从下面的栏目找到全部内容：",
        "elder": "大字版",
        "elder.name": "长辈模式：字更大、颜色更清楚",
        "elder.on": "长辈模式已开启",
        "runs": "本站由{name}维护",
        "runs.phone": "联系电话",
        "staff": "工作人员页面",
        "staff.intro": "场馆建设标准对照、开放数据和印刷文件，供社区工作人员使用。",
        "staff.standards": "场馆建设标准对照",
        "staff.data": "开放数据",
        "staff.print": "印刷文件",
        "staff.print.intro": "展板、荣誉榜、海报和报告的印刷文件（PDF/X-4，CMYK，含出血和裁切线）。"
        "修改内容后，只需把“本次更新”的文件重新送印。",
        "staff.print.file": "文件",
        "staff.print.product": "类别",
        "staff.print.size": "尺寸",
        "staff.print.pages": "页数",
        "staff.print.changed": "内容最近更新",
        "staff.print.now": "本次更新",
        "staff.print.manifest": "印刷清单（JSON，含 SHA-256 校验值）",
        "staff.print.zip": "本次更新的文件打包下载（ZIP，文件名含社区、展陈、展板和尺寸）",
        "staff.print.none": "印刷文件只在完整构建（mkdocs build）时生成。",
        "notfound": "找不到这个页面",
        "notfound.text": "地址可能输错了，或者这个页面已经不在了。",
        "notfound.home": "回到首页",
        "week.today": "今天",
        "week.week": "本周（到周日）",
        "week.later": "接下来",
        "week.none": "今天和本周没有安排活动。",
        "week.as_of": "按网站更新日期 {date} 排列。",
        "week.today_is": "今天是 {date}。",
        "week.more": "查看全部活动",
        "event.held": "这项活动已经举办。",
        "event.back": "返回活动日历",
        "event.getting_there": "怎么去",
        "event.call": "打电话问",
        "event.download": "下载日历文件（.ics）",
        "subscribe.webcal": "在手机日历中订阅",
        "subscribe.https": "日历文件地址（https）",
        "print.details": "印刷信息（工作人员）",
    },
    "en": {
        "skip": "Skip to content",
        "menu": "Menu",
        "menu.name": "Open the navigation menu",
        "search": "Search",
        "search.name": "Search this site",
        "search.intro": "Type a word from an activity, a venue, an honour board or a panel, e.g. “basketball” or “library”.",
        "search.nojs": "Search needs JavaScript. Every page can also be reached from these sections:",
        "elder": "Large text",
        "elder.name": "Large-text mode: bigger letters, stronger contrast",
        "elder.on": "Large-text mode is on",
        "runs": "Run by {name}",
        "runs.phone": "Phone",
        "staff": "For staff",
        "staff.intro": "Building-standard checklists, open data and print files, for the community's staff.",
        "staff.standards": "Venues against the building standard",
        "staff.data": "Open data",
        "staff.print": "Print files",
        "staff.print.intro": "Print files of the panels, honour boards, posters and reports (PDF/X-4 in CMYK, "
        "with bleed and crop marks). After an edit, only the files marked “changed in this build” go back "
        "to the print shop.",
        "staff.print.file": "File",
        "staff.print.product": "Product",
        "staff.print.size": "Size",
        "staff.print.pages": "Pages",
        "staff.print.changed": "Content last changed",
        "staff.print.now": "changed in this build",
        "staff.print.manifest": "Reprint list (JSON, with SHA-256 checksums)",
        "staff.print.zip": "The files changed in this build (ZIP; named by community, exhibit, panel and size)",
        "staff.print.none": "Print files are made by a full build (mkdocs build) only.",
        "notfound": "Page not found",
        "notfound.text": "The address may be mistyped, or the page is no longer here.",
        "notfound.home": "Go to the home page",
        "week.today": "Today",
        "week.week": "This week (to Sunday)",
        "week.later": "Coming up later",
        "week.none": "Nothing is on today or this week.",
        "week.as_of": "As of {date}, when the site was last updated.",
        "week.today_is": "Today is {date}.",
        "week.more": "All activities",
        "event.held": "This activity has been held.",
        "event.back": "Back to the activity calendar",
        "event.getting_there": "Getting there",
        "event.call": "Call to ask",
        "event.download": "Download the calendar file (.ics)",
        "subscribe.webcal": "Subscribe in your phone's calendar",
        "subscribe.https": "Calendar file address (https)",
        "print.details": "Print details (for staff)",
    },
}


def contribute(site: Site, plan: Plan) -> None:
    """Add the search page and the staff page in every language."""
    default = site.default_language
    assessments = {hall_id: assess(hall, site.standards) for hall_id, hall in site.halls.items()}
    for lang in site.options.languages:
        plan.pages.append(
            PageSpec("search/", lang, "culture/search.html", translate(lang, default, "search"), searchable=False)
        )
        plan.pages.append(
            PageSpec(
                "staff/",
                lang,
                "culture/staff.html",
                translate(lang, default, "staff"),
                {"assessments": assessments, "reprint": lambda: manifest(site)["files"] if site.press.files else []},
                noindex=True,
                searchable=False,
            )
        )


def chrome(site: Site, lang: str) -> dict[str, str]:
    """The words of the header and footer in ``lang``, for the theme's templates."""
    default = site.default_language
    words = {
        key: translate(lang, default, key)
        for key in STRINGS["en"]
        if "." not in key or key.split(".")[0] not in ("staff", "search", "week", "event", "subscribe", "print")
    }
    name, _ = site.community.name.resolve(lang, default)
    words["runs"] = translate(lang, default, "runs", name=name)
    words["phone"] = site.community.contact.phone if site.community.contact and site.community.contact.phone else ""
    words["lang"] = lang
    return words
