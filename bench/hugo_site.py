#!/usr/bin/env python3
"""Write a Hugo site with the same posts as a generated schoolsite corpus.

    python3 bench/hugo_site.py CORPUS_DIR OUT_DIR [--force]

CORPUS_DIR is a site written by bench/generate_corpus.py. OUT_DIR gets:

- hugo.toml: base URL, title, language and time zone from the corpus site.yml;
  a home list paginated 10 per page (page/N/), one page per post at SLUG/,
  one list page per category at category/NAME/ (not paginated, as
  schoolsite's), and one feed: Hugo's built-in RSS for the home page,
  newest 20 posts, at feed.xml. No sitemap, robots.txt, 404 page, section
  page, taxonomy overview page or per-category feeds (schoolsite makes none).
- content/posts/SLUG/index.md: a page bundle per post, with Hugo front matter
  (title, date, summary, categories, plus author and cover for the templates)
  and the Markdown body byte for byte; the post's images copied beside it.
- layouts/: baseof, list, single and a summary partial with about as much
  markup as the school theme's templates (same classes, same page structure).
- static/assets/: the theme's static files, as schoolsite copies them.

Standard library only. The output depends only on the corpus.
"""

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}

HUGO_TOML = """\
baseURL = {base_url}
title = {title}
languageCode = {language}
timeZone = {timezone}
disableHugoGeneratorInject = true
paginate = {per_page}
disableKinds = ["section", "taxonomy", "sitemap", "robotsTXT", "404"]
# "taxonomy" is the overview page of all categories (category/); term pages stay.
ignoreErrors = ["error-disable-taxonomy"]

[params]
  school = {school}
  categories = {categories}

[taxonomies]
  category = "categories"

[permalinks]
  posts = "/:filename/"
  categories = "/category/:slug/"

[outputs]
  home = ["HTML", "RSS"]
  page = ["HTML"]
  term = ["HTML"]

[outputFormats.RSS]
  baseName = "feed"

[services.rss]
  limit = 20
"""

BASEOF = """\
<!doctype html>
<html lang="{{ site.LanguageCode }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ block "title" . }}{{ site.Title }}{{ end }}</title>
<meta name="description" content="{{ block "description" . }}News from {{ site.Params.school }}{{ end }}">
<link rel="canonical" href="{{ block "canonical" . }}{{ .Permalink }}{{ end }}">
{{ with site.Home.OutputFormats.Get "rss" -}}
<link rel="alternate" type="{{ .MediaType.Type }}" title="{{ site.Title }}" href="{{ .Permalink }}">
{{ end -}}
<link rel="icon" type="image/svg+xml" href="{{ "assets/favicon.svg" | relURL }}">
<link rel="stylesheet" href="{{ "assets/style.css" | relURL }}">
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <div class="wrap">
    <a class="site-title" href="{{ site.Home.RelPermalink }}">
      <img class="site-logo" src="{{ "assets/favicon.svg" | relURL }}" alt="" width="48" height="48">
      <span class="site-title-text">{{ site.Title }}</span>
    </a>
  </div>
</header>
<nav class="site-nav" aria-label="News categories">
  <div class="wrap">
    <ul>
      <li><a href="{{ site.Home.RelPermalink }}">All news</a></li>
      {{- $current := . }}
      {{- range site.Params.categories }}
      {{- with site.GetPage (printf "/categories/%s" .) }}
      <li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .Title | humanize }}</a></li>
      {{- end }}
      {{- end }}
    </ul>
  </div>
</nav>
<main id="main" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
  <div class="wrap">
    <p>{{ site.Params.school }}</p>
    <p><a href="{{ with site.Home.OutputFormats.Get "rss" }}{{ .Permalink }}{{ end }}">Follow our news with a feed reader (RSS feed)</a></p>
  </div>
</footer>
</body>
</html>
"""

# The home page paginates all posts; a category page lists all of its posts on one page.
LIST = """\
{{ define "title" }}{{ if .IsHome }}{{ site.Title }}{{ with .Paginate site.RegularPages }}{{ if gt .PageNumber 1 }} – page {{ .PageNumber }}{{ end }}{{ end }}{{ else }}{{ .Title | humanize }} – {{ site.Title }}{{ end }}{{ end }}
{{ define "description" }}{{ if .IsHome }}News from {{ site.Params.school }}{{ else }}{{ .Title | humanize }} news from {{ site.Params.school }}{{ end }}{{ end }}
{{ define "canonical" }}{{ if .IsHome }}{{ (.Paginate site.RegularPages).URL | absURL }}{{ else }}{{ .Permalink }}{{ end }}{{ end }}
{{ define "main" }}
{{- if .IsHome }}
<h1>Latest news</h1>
{{- $pager := .Paginate site.RegularPages }}
<div class="post-list">
{{- range $pager.Pages }}
{{ partial "summary.html" . }}
{{- end }}
</div>
{{- if gt $pager.TotalPages 1 }}
<nav class="pagination" aria-label="More news">
  <p class="pagination-status">Page {{ $pager.PageNumber }} of {{ $pager.TotalPages }}</p>
  <ul>
    {{- with $pager.Prev }}
    <li class="pagination-newer"><a href="{{ .URL }}" rel="prev"><span aria-hidden="true">&larr; </span>Newer news</a></li>
    {{- end }}
    {{- with $pager.Next }}
    <li class="pagination-older"><a href="{{ .URL }}" rel="next">Older news<span aria-hidden="true"> &rarr;</span></a></li>
    {{- end }}
  </ul>
</nav>
{{- end }}
{{- else }}
<h1>{{ .Title | humanize }}</h1>
<p class="intro">News in the {{ .Title | humanize }} category, newest first.</p>
<div class="post-list">
{{- range .Pages }}
{{ partial "summary.html" . }}
{{- end }}
</div>
{{- end }}
{{ end }}
"""

SUMMARY = """\
<article class="post-summary{{ with .Params.cover }} has-cover{{ end }}">
  <h2 class="post-summary-title"><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
  <p class="post-meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time> <span class="sep" aria-hidden="true">&middot;</span> {{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .Title | humanize }}</a>{{ end }}</p>
  {{- with .Params.cover }}
  <img class="post-summary-cover" src="{{ $.RelPermalink }}{{ . }}" alt="{{ $.Params.cover_alt }}" loading="lazy">
  {{- end }}
  <p class="post-summary-text">{{ .Summary }}</p>
</article>
"""

SINGLE = """\
{{ define "title" }}{{ .Title }} – {{ site.Title }}{{ end }}
{{ define "description" }}{{ .Summary }}{{ end }}
{{ define "main" }}
<article class="post">
  <header class="post-header">
    <h1>{{ .Title }}</h1>
    <p class="post-meta">
      <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time>
      <span class="sep" aria-hidden="true">&middot;</span>
      <span>By {{ .Params.author }}</span>
      <span class="sep" aria-hidden="true">&middot;</span>
      {{ range .GetTerms "categories" }}<a href="{{ .RelPermalink }}">{{ .Title | humanize }}</a>{{ end }}
    </p>
    <p class="post-lead">{{ .Summary }}</p>
  </header>
  <div class="post-body">
{{ .Content }}
  </div>
</article>
<p class="back-link"><a href="{{ site.Home.RelPermalink }}"><span aria-hidden="true">&larr; </span>Back to all news</a></p>
{{ end }}
"""


def simple_yaml(text):
    """Top-level `key: value` pairs of a flat YAML block (the generator's output), quotes removed."""
    values = {}
    for line in text.splitlines():
        match = re.match(r"^([a-z_]+):\s*(.*?)\s*(#.*)?$", line)
        if match and match.group(2):
            value = match.group(2)
            if value.startswith('"'):
                value = json.loads(value)
            values[match.group(1)] = value
    return values


def toml_string(value):
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def split_post(source):
    """(front matter text, body text) of an index.md; the body exactly as written."""
    match = re.match(r"---\n(.*?\n)---\n", source, re.S)
    if not match:
        raise ValueError("no front matter")
    return match.group(1), source[match.end():]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--force", action="store_true", help="replace OUT_DIR if it exists")
    args = parser.parse_args()

    corpus, out = args.corpus, args.out_dir
    site = simple_yaml((corpus / "site.yml").read_text(encoding="utf-8"))
    categories = re.search(r"(?m)^\s+categories:\s*\[(.*)\]", (corpus / "site.yml").read_text(encoding="utf-8"))
    if not categories or "base_url" not in site:
        parser.error(f"{corpus}/site.yml: no base_url or policy.categories")
    categories = [name.strip() for name in categories.group(1).split(",")]
    if out.exists() and any(out.iterdir()):
        if not args.force:
            parser.error(f"{out} exists and is not empty (use --force to replace it)")
        shutil.rmtree(out)

    (out / "layouts" / "_default").mkdir(parents=True)
    (out / "layouts" / "partials").mkdir()
    (out / "hugo.toml").write_text(HUGO_TOML.format(
        base_url=toml_string(site["base_url"]), title=toml_string(site["title"]),
        language=toml_string(site["language"]), timezone=toml_string(site["timezone"]),
        per_page=int(site["posts_per_page"]), school=toml_string(site["school"]),
        categories="[" + ", ".join(toml_string(c) for c in categories) + "]"), encoding="utf-8")
    for path, text in [("_default/baseof.html", BASEOF), ("_default/list.html", LIST),
                       ("_default/single.html", SINGLE), ("partials/summary.html", SUMMARY)]:
        (out / "layouts" / path).write_text(text, encoding="utf-8")
    shutil.copytree(corpus / "themes" / site["theme"] / "static", out / "static" / "assets")

    posts = sorted(p for p in (corpus / "content" / "posts").iterdir() if (p / "index.md").is_file())
    images = 0
    for folder in posts:
        front_text, body = split_post((folder / "index.md").read_text(encoding="utf-8"))
        front = simple_yaml(front_text)
        lines = ["---", f"title: {json.dumps(front['title'])}", f"date: {front['date']}",
                 f"summary: {json.dumps(front.get('summary', ''))}", f"categories: [{front['category']}]",
                 f"author: {json.dumps(front['author'])}"]
        if "cover" in front:
            alt = re.search(r"!\[([^\]]*)\]\(" + re.escape(front["cover"]) + r"\)", body)
            lines += [f"cover: {json.dumps(front['cover'])}", f"cover_alt: {json.dumps(alt.group(1) if alt else '')}"]
        target = out / "content" / "posts" / folder.name
        target.mkdir(parents=True)
        (target / "index.md").write_text("\n".join(lines + ["---", ""]) + body, encoding="utf-8")
        for image in sorted(folder.iterdir()):
            if image.suffix.lower() in IMAGE_SUFFIXES:
                shutil.copyfile(image, target / image.name)
                images += 1
    print(f"{out}: Hugo site with {len(posts)} posts and {images} images from {corpus}", file=sys.stderr)


if __name__ == "__main__":
    main()
