"""cc_sources: the source and header files of cc_library targets (transitively),
as files and runfiles, for tests that compile them with another compiler."""

_SourcesInfo = provider(fields = ["files"])

def _sources_aspect_impl(target, ctx):
    direct = []
    for attr in ("srcs", "hdrs", "textual_hdrs"):
        for t in getattr(ctx.rule.attr, attr, []):
            direct.append(t.files)
    deps = [d[_SourcesInfo].files for d in getattr(ctx.rule.attr, "deps", []) if _SourcesInfo in d]
    return [_SourcesInfo(files = depset(transitive = direct + deps))]

_sources_aspect = aspect(
    implementation = _sources_aspect_impl,
    attr_aspects = ["deps"],
)

def _cc_sources_impl(ctx):
    files = depset(transitive = [d[_SourcesInfo].files for d in ctx.attr.deps])
    return [DefaultInfo(files = files, runfiles = ctx.runfiles(transitive_files = files))]

cc_sources = rule(
    implementation = _cc_sources_impl,
    attrs = {"deps": attr.label_list(aspects = [_sources_aspect])},
)
