"""The workshop room's picture (cor.workshop): what one phone shares, and why no one's result can
be worked out from the room, not even by someone who shares from every other phone."""

from __future__ import annotations

import random

import pytest

from cor.scoring import Verdict, verdict
from cor.workshop import (
    MIN_SHOWN,
    SharedResult,
    blurred,
    estimate,
    normalise_code,
    phone_of,
    room_picture,
    shares_from,
)

NAMES = {"lead": "Leadership", "haz": "Hazards", "train": "Training"}


def result(lead: int, haz: int, train: int) -> Verdict:
    return verdict({"lead": (lead, 100), "haz": (haz, 100), "train": (train, 100)})


PASSING = result(90, 85, 95)
FAILING = result(30, 20, 45)


def test_a_share_holds_only_yes_or_no_values_never_a_score() -> None:
    share = blurred(result(67, 90, 40), "room-salt", "phone-1")
    assert set(share.model_dump()) == {"passed", "below"}
    assert set(share.below) == {"lead", "haz", "train"}
    assert all(isinstance(value, bool) for value in [share.passed, *share.below.values()])


def test_sharing_again_with_the_same_answers_gives_the_same_share() -> None:
    """So repeating a share (untick, tick) never gives a fresh coin to average the blur away."""
    assert blurred(PASSING, "salt", "phone-1") == blurred(PASSING, "salt", "phone-1")


def test_the_picture_stays_hidden_until_five_phones_have_shared() -> None:
    shares = [blurred(PASSING, "salt", f"phone-{n}") for n in range(MIN_SHOWN - 1)]
    picture = room_picture(shares, NAMES)
    assert MIN_SHOWN == 5
    assert picture.phones == 4 and not picture.shown and picture.would_pass == 0 and picture.weakest == ()
    assert room_picture([*shares, blurred(PASSING, "salt", "phone-x")], NAMES).shown


def test_an_element_answered_by_fewer_than_five_phones_is_left_out() -> None:
    shares = [blurred(PASSING, "salt", f"phone-{n}") for n in range(6)]
    shares.append(SharedResult(passed=False, below={"rare": True}))
    assert "rare" not in [weak.element for weak in room_picture(shares, NAMES).weakest]


@pytest.mark.parametrize(
    ("told", "total", "expected"), [(0, 8, 0), (2, 8, 0), (5, 8, 6), (8, 8, 8), (6, 10, 7)]
)
def test_an_estimate_undoes_the_blur_on_average_and_stays_within_the_room(
    told: int, total: int, expected: int
) -> None:
    assert estimate(told, total) == expected


def test_the_picture_tells_a_weak_room_from_a_strong_one() -> None:
    """What the blur costs: with 40 phones the estimates still find the room's weak element."""
    rng = random.Random(7)
    truths = [result(rng.choice([90, 95]), rng.choice([20, 30, 90]), 95) for _ in range(40)]
    passes, haz_low = [], []
    for room in range(50):
        picture = room_picture(
            [blurred(t, f"salt-{room}", f"phone-{n}") for n, t in enumerate(truths)], NAMES
        )
        passes.append(picture.would_pass)
        assert picture.weakest[0].name == "Hazards"
        haz_low.append(picture.weakest[0].below)
    true_passes = sum(t.passed for t in truths)
    true_low = sum(t.element_pct["haz"] < 50 for t in truths)
    assert abs(sum(passes) / 50 - true_passes) <= 2
    assert abs(sum(haz_low) / 50 - true_low) <= 2


# --- the differencing attack ---------------------------------------------


def test_the_issues_attack_has_no_average_to_subtract() -> None:
    """``3 x average - own`` needs per-element averages: the picture has none, only estimated
    counts of phones below the floor, and the shares hold no score at all."""
    shares = [blurred(FAILING, "salt", f"attacker-{n}") for n in range(4)]
    shares.append(blurred(result(67, 81, 58), "salt", "victim"))
    picture = room_picture(shares, NAMES)
    for weak in picture.weakest:
        assert set(weak.model_dump()) == {"element", "name", "below", "phones"}
    stored = shares[-1].model_dump_json()
    assert not any(score in stored for score in ("67", "81", "58"))


def attack(rng: random.Random, room: int, victim: Verdict) -> bool:
    """One room: four phones the attacker controls, with answers they know (all failing), and the
    victim. The attacker reads the projector, subtracts the passes they expect from their own
    phones (none), and guesses the victim passes when any pass is left over."""
    salt = f"secret-salt-{room}-{rng.random()}"
    shares = [blurred(FAILING, salt, f"attacker-{n}") for n in range(4)]
    shares.append(blurred(victim, salt, "victim"))
    return room_picture(shares, NAMES).would_pass > 0


def test_an_attacker_with_every_other_phone_cannot_tell_whether_the_victim_passes() -> None:
    rng = random.Random(2107)
    victims = [rng.choice([PASSING, FAILING]) for _ in range(2000)]
    right = sum(attack(rng, room, victim) == victim.passed for room, victim in enumerate(victims))
    # exact subtraction would be right 2000 times; the blur keeps the best guess near 3 in 4
    assert right / len(victims) < 0.8


def test_even_reading_the_victims_stored_share_is_wrong_one_time_in_four() -> None:
    """The strongest attacker: one who somehow has the victim's stored share itself."""
    rng = random.Random(21)
    wrong = 0
    for room in range(2000):
        truth = rng.choice([PASSING, FAILING])
        share = blurred(truth, f"salt-{room}-{rng.random()}", "victim")
        wrong += share.passed != truth.passed
        wrong += share.below["haz"] != (truth.element_pct["haz"] < 50)
    assert 0.2 < wrong / 4000 < 0.3


def test_one_browser_is_one_phone_in_a_room_and_unlinkable_between_rooms() -> None:
    assert phone_of("room-a", "browser-1") == phone_of("room-a", "browser-1")
    assert phone_of("room-a", "browser-1") != phone_of("room-a", "browser-2")
    assert phone_of("room-a", "browser-1") != phone_of("room-b", "browser-1")
    assert "browser-1" not in phone_of("room-a", "browser-1")


def test_stored_shares_that_are_not_a_share_are_left_out() -> None:
    good = blurred(PASSING, "salt", "phone").model_dump(mode="json")
    assert shares_from([good, {"withdrawn": True}, {"passed": True, "below": {"<b>x</b>": True}}]) == [
        SharedResult.model_validate(good)
    ]


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("abcd2345", "ABCD2345"),
        (" ab-cd 2345 ", "ABCD2345"),
        ("", None),
        ("<script>", None),
        ("x" * 50, None),
    ],
)
def test_room_codes_from_links_are_forgiving_but_strict(typed: str, code: str | None) -> None:
    assert normalise_code(typed) == code
