"""An SVG logo is checked against what a still picture needs (macros/load/logo.py), so the logos drawing
programs write must pass as they are: Inkscape's, with its editor settings and RDF metadata, and
Illustrator's, with a <style> of class rules and a gradient. What the allowlist refuses is in
tests/loading/test_loader.py (test_a_logo_that_cannot_be_used_is_reported_where_it_is_named)."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.load.logo import logo_problem

INKSCAPE = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="60mm"
   height="20mm"
   viewBox="0 0 60 20"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)"
   sodipodi:docname="riverside-logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview
     id="namedview1"
     pagecolor="#ffffff"
     bordercolor="#000000"
     borderopacity="0.25"
     inkscape:showpageshadow="2"
     inkscape:pageopacity="0.0"
     inkscape:pagecheckerboard="0"
     inkscape:deskcolor="#d1d1d1"
     inkscape:document-units="mm"
     inkscape:zoom="3.2"
     inkscape:cx="113.4"
     inkscape:cy="37.8"
     inkscape:window-width="1920"
     inkscape:window-height="1011"
     inkscape:window-x="0"
     inkscape:window-y="32"
     inkscape:window-maximized="1"
     inkscape:current-layer="layer1">
    <inkscape:page x="0" y="0" width="60" height="20" id="page1" margin="0" bleed="0" />
    <inkscape:grid id="grid1" units="mm" originx="0" originy="0" spacingx="1" spacingy="1" empcolor="#0099e5"
       empopacity="0.30" color="#0099e5" opacity="0.15" empspacing="5" enabled="true" visible="false" />
  </sodipodi:namedview>
  <defs id="defs1">
    <linearGradient inkscape:collect="always" id="linearGradient2">
      <stop style="stop-color:#1b5e20;stop-opacity:1;" offset="0" id="stop1" />
      <stop style="stop-color:#2e7d32;stop-opacity:1;" offset="1" id="stop2" />
    </linearGradient>
    <linearGradient inkscape:collect="always" xlink:href="#linearGradient2" id="grad" x1="2" y1="2" x2="18" y2="18"
       gradientUnits="userSpaceOnUse" gradientTransform="matrix(1.02,0,0,1.02,-0.2,-0.2)" />
    <filter style="color-interpolation-filters:sRGB" inkscape:label="Drop Shadow" id="filter1" x="-0.1" y="-0.1" width="1.2" height="1.2">
      <feFlood flood-opacity="0.3" flood-color="rgb(0,0,0)" result="flood" id="feFlood1" />
      <feGaussianBlur in="SourceGraphic" stdDeviation="0.5" result="blur" id="feGaussianBlur1" />
      <feOffset dx="0.3" dy="0.3" result="offset" id="feOffset1" />
      <feComposite in="flood" in2="offset" operator="in" result="comp1" id="feComposite1" />
      <feComposite in="SourceGraphic" in2="comp1" operator="over" result="comp2" id="feComposite2" />
    </filter>
    <clipPath clipPathUnits="userSpaceOnUse" id="clipPath1">
      <rect style="fill:#000000" id="rect2" width="20" height="20" x="0" y="0" />
    </clipPath>
  </defs>
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" />
        <dc:title>Riverside Child Protection Committee</dc:title>
        <cc:license rdf:resource="http://creativecommons.org/licenses/by-sa/4.0/" />
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <circle style="fill:url(#grad);fill-opacity:1;stroke:#ffffff;stroke-width:0.8;filter:url(#filter1)" id="path1" cx="10" cy="10" r="9"
       clip-path="url(#clipPath1)" />
    <path style="fill:none;stroke:#ffffff;stroke-width:1.2;stroke-linecap:round;stroke-linejoin:round"
       d="m 5,12 c 2,-3 4,-3 5,0 1,3 3,3 5,0" id="path2" sodipodi:nodetypes="ccc" inkscape:path-effect="#path-effect1"
       inkscape:original-d="m 5,12 c 2,-3 4,-3 5,0 1,3 3,3 5,0" />
    <text xml:space="preserve"
       style="font-weight:bold;font-size:6.35px;font-family:'Open Sans';-inkscape-font-specification:'Open Sans, Bold';fill:#1b5e20;stroke-width:0.26"
       x="22" y="12.5" id="text1"><tspan sodipodi:role="line" id="tspan1" style="stroke-width:0.26" x="22" y="12.5">Riverside CPC</tspan></text>
  </g>
</svg>
"""

ILLUSTRATOR = """<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
\t viewBox="0 0 200 60" style="enable-background:new 0 0 200 60;" xml:space="preserve">
<style type="text/css">
\t.st0{fill:url(#SVGID_1_);}
\t.st1{fill:#1D1D1B;}
\t.st2{font-family:'ArialMT';}
\t.st3{font-size:24px;}
</style>
<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="4" y1="30" x2="56" y2="30">
\t<stop  offset="0" style="stop-color:#006837"/>
\t<stop  offset="1" style="stop-color:#39B54A"/>
</linearGradient>
<circle class="st0" cx="30" cy="30" r="26"/>
<g>
\t<path class="st1" d="M18,36c4-8,8-8,12,0s8,8,12,0"/>
</g>
<text transform="matrix(1 0 0 1 66 38)" class="st1 st2 st3">Riverside</text>
<image style="overflow:visible;" width="1" height="1" xlink:href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==" transform="matrix(2 0 0 2 180 40)">
</image>
</svg>
"""


@pytest.mark.parametrize("drawn_by, svg", [("Inkscape", INKSCAPE), ("Illustrator", ILLUSTRATOR)])
def test_logos_as_drawing_programs_save_them_are_accepted(tmp_path: Path, drawn_by, svg):
    (tmp_path / "local").mkdir()
    (tmp_path / "local" / "logo.svg").write_text(svg, encoding="utf-8")
    assert logo_problem("local/logo.svg", tmp_path) is None, drawn_by


@pytest.mark.parametrize("change, reason", [
    # Inkscape's metadata may hold no handler, even where no browser would act on it.
    (('id="namedview1"', 'id="namedview1" onclick="alert(1)"'), "has an event handler (onclick=), which would run script; save it again as plain SVG"),
    # A gradient of the logo's own, by its address: only '#id' (or a picture inside the file) is the logo's own.
    (('xlink:href="#linearGradient2"', 'xlink:href="https://evil.example/g.svg#g"'),
     "refers to something outside it ('https://evil.example/g.svg#g'); a logo may load nothing from elsewhere: save it again as plain SVG"),
    (("fill:url(#grad)", "fill:url('https://evil.example/g.svg#g')"),
     "refers to something outside it ('url('https://evil.example/g.svg#g')'); a logo may load nothing from elsewhere: save it again as plain SVG"),
    (("fill:url(#grad)", "fill:URL(#grad) /* a comment */"), "has a style written in a way that cannot be checked (a comment); a logo may load nothing: "
     "write the style plainly (fill:#1f4e79) or move it into attributes (fill=\"#1f4e79\"), or save it again as plain SVG"),
    (('clip-path="url(#clipPath1)"', 'clip-path="url(#clipPath1)" cursor="url(https://evil.example/c.cur), auto"'),
     "has the attribute cursor= on <circle>, which a logo may not use; remove it and save it again as plain SVG"),
    (('<dc:format>', '<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script><dc:format>'),
     "holds <script>, which is not part of a picture; a logo may hold no script or embedded document: save it again as plain SVG"),
])
def test_what_a_drawing_program_would_not_write_is_refused_even_among_its_metadata(tmp_path: Path, change, reason):
    (tmp_path / "local").mkdir()
    old, new = change
    assert old in INKSCAPE
    (tmp_path / "local" / "logo.svg").write_text(INKSCAPE.replace(old, new, 1), encoding="utf-8")
    assert logo_problem("local/logo.svg", tmp_path) == f"'local/logo.svg' {reason}"
