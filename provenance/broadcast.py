"""A broadcast that names itself: the transcript or description of an upload to a video
platform, opening with the channel's own words ('В эфире телеканала ...', 'You're watching
...', 'Bienvenue sur ...'). The platform hosts the upload; the channel made it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from provenance import knowledge
from provenance.evidence.text import opening_lines
from provenance.models import Outlet, OutletCategory

OPENING_LINES = 12

# How a presenter or a station announces itself on air, in the languages the tool reads.
# Each cue must share its line with an outlet the catalog or the knowledge names.
_ON_AIR = re.compile(
    r"\b(?:"
    r"в\s+эфире|вы\s+смотрите|телеканал\w*|в\s+ефірі|ви\s+дивитеся"  # ru, uk
    r"|you(?:'|’|\s+a)re\s+watching|welcome\s+to|this\s+is|live\s+from|on\s+air"  # en
    r"|sie\s+sehen|willkommen\s+(?:bei|zu|im)"  # de
    r"|vous\s+regardez|bienvenue\s+(?:sur|dans|à)|vous\s+êtes\s+sur"  # fr
    r"|est(?:á|a)s?\s+viendo|est(?:á|a)n\s+viendo|bienvenid[oa]s\s+a"  # es
    r"|voc(?:ê|e)\s+est(?:á|a)\s+assistindo|bem-vind[oa]s?\s+(?:ao|à)"  # pt
    r"|state\s+guardando|benvenut[io]\s+(?:a|su)"  # it
    r"|oglądają\s+państwo|witamy\s+w"  # pl
    r"|izliyorsunuz|ekranlar\w*"  # tr
    r"|تشاهدون|مرحبا\s+بكم|شبکه|بینندگان"  # ar, fa
    r")|欢迎收看|您正在收看",  # zh
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Broadcast:
    outlet: Outlet
    line: str


def broadcast_named(text: str, host: Outlet | None, outlets: Sequence[Outlet]) -> Broadcast | None:
    """The channel an upload to a user-generated platform announces in its opening lines;
    None on any other host (a newspaper's 'welcome to' is its own)."""
    if host is None or host.category != OutletCategory.USER_GENERATED:
        return None
    for line in opening_lines(text, OPENING_LINES):
        if not _ON_AIR.search(line):
            continue
        found = knowledge.outlet_named_in(line, outlets, skip=host.id)
        if found is not None and found.category != OutletCategory.USER_GENERATED:
            return Broadcast(found, line)
    return None
