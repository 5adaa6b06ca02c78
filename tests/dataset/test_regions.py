"""Reference regions (graphkit/data/regions.csv) and the region resolver."""

from __future__ import annotations

import doctest
import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import graphkit.dataset._regions as regions_module
from graphkit._errors import GraphkitError
from graphkit.dataset._regions import (
    Region,
    RegionError,
    all_regions,
    get_region,
    provinces,
    regencies,
    region_candidates,
    resolve_region,
)

# Short names that more than one regency/city shares (Kabupaten X and Kota X, or Banjar in two provinces).
AMBIGUOUS_REGENCY_NAMES = {
    "Bandung": ["32.04", "32.73"], "Banjar": ["32.79", "63.03"], "Bekasi": ["32.16", "32.75"],
    "Bima": ["52.06", "52.72"], "Blitar": ["35.05", "35.72"], "Bogor": ["32.01", "32.71"],
    "Cirebon": ["32.09", "32.74"], "Gorontalo": ["75", "75.01", "75.71"], "Jayapura": ["91.03", "91.71"],
    "Kediri": ["35.06", "35.71"], "Kupang": ["53.01", "53.71"], "Madiun": ["35.19", "35.77"],
    "Magelang": ["33.08", "33.71"], "Malang": ["35.07", "35.73"], "Mojokerto": ["35.16", "35.76"],
    "Pasuruan": ["35.14", "35.75"], "Pekalongan": ["33.26", "33.75"], "Probolinggo": ["35.13", "35.74"],
    "Semarang": ["33.22", "33.74"], "Serang": ["36.04", "36.73"], "Solok": ["13.02", "13.72"],
    "Sorong": ["96.01", "96.71"], "Sukabumi": ["32.02", "32.72"], "Tangerang": ["36.03", "36.71"],
    "Tasikmalaya": ["32.06", "32.78"], "Tegal": ["33.28", "33.76"],
}
# A province and its capital city share the short name.
AMBIGUOUS_PROVINCE_NAMES = {
    "Bengkulu": ["17", "17.71"], "Jambi": ["15", "15.71"], "Yogyakarta": ["34", "34.71"],
}
AMBIGUOUS = AMBIGUOUS_REGENCY_NAMES | AMBIGUOUS_PROVINCE_NAMES
HOW = "write a Kemendagri code (e.g. 33.28) or a full name (e.g. Kabupaten Tegal)"


def full_name(region: Region) -> str:
    return f"Provinsi {region.name}" if region.level == "province" else region.name


# --- the table -------------------------------------------------------------------------------------------


def test_counts() -> None:
    assert len(provinces()) == 38
    assert len(regencies()) == 514
    kinds = Counter(r.kind for r in regencies())
    assert kinds == {"kabupaten": 416, "kota": 98}
    assert {r.kind for r in provinces()} == {"provinsi"}
    assert len(all_regions()) == 552


def test_codes_unique_well_formed_and_sorted() -> None:
    codes = [r.code for r in all_regions()]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)
    assert [r.code for r in provinces()] == sorted(r.code for r in provinces())
    assert all(re.fullmatch(r"[1-9][0-9]", r.code) and r.province_code == r.code for r in provinces())
    assert all(re.fullmatch(r"[1-9][0-9]\.[0-9]{2}", r.code) for r in regencies())


def test_every_regency_is_in_an_existing_province() -> None:
    province_codes = {p.code for p in provinces()}
    for r in regencies():
        assert r.province_code in province_codes, r
        assert r.code.startswith(r.province_code + "."), r
    assert {r.province_code for r in regencies()} == province_codes  # no province without regencies


def test_names_and_kinds_agree() -> None:
    for r in regencies():
        prefix = "Kabupaten " if r.kind == "kabupaten" else "Kota "
        assert r.name.startswith(prefix), r
        assert r.name.endswith(" " + r.short_name), r
        assert not r.short_name.startswith(("Kabupaten", "Kota ", "Administrasi")), r
        assert "Kep." not in r.name and r.name == " ".join(r.name.split()), r
    assert get_region("71.09").name == "Kabupaten Kepulauan Siau Tagulandang Biaro"
    assert get_region("31.71").short_name == "Jakarta Pusat"
    assert get_region("33").name == "Jawa Tengah"


def test_every_point_is_inside_indonesia() -> None:
    for r in all_regions():
        assert r.lat is not None and r.lon is not None, r
        assert -11.5 <= r.lat <= 6.5 and 94.5 <= r.lon <= 141.5, r


def test_wakatobi_longitude_corrected() -> None:
    wakatobi = get_region("74.07")
    assert wakatobi.name == "Kabupaten Wakatobi"
    assert wakatobi.lon is not None and wakatobi.lat is not None
    assert 123.4 < wakatobi.lon < 123.7 and -5.5 < wakatobi.lat < -5.2  # Wanci, Wangi-Wangi island


def test_province_points_are_near_one_of_their_cities() -> None:
    # A province's point is its capital city, so some regency seat of that province is close by.
    for p in provinces():
        own = [r for r in regencies() if r.province_code == p.code]
        nearest = min(abs(r.lat - p.lat) + abs(r.lon - p.lon) for r in own)  # type: ignore[operator]
        assert nearest < 0.3, p


def test_region_is_frozen_and_lists_are_copies() -> None:
    region = get_region("33.28")
    with pytest.raises(AttributeError):
        region.name = "x"  # type: ignore[misc]
    provinces().clear()
    regencies().clear()
    all_regions().clear()
    assert len(provinces()) == 38 and len(all_regions()) == 552


def test_region_error_is_a_bad_input_error() -> None:
    assert issubclass(RegionError, GraphkitError)
    assert RegionError.exit_code == 2


# --- ambiguous names -------------------------------------------------------------------------------------


def test_ambiguous_short_names_are_exactly_the_known_ones() -> None:
    seen: dict[str, set[str]] = {}
    for r in all_regions():
        seen.setdefault(r.short_name.casefold(), set()).add(r.code)
    shared = {name for name, codes in seen.items() if len(codes) > 1}
    assert shared == {name.casefold() for name in AMBIGUOUS}
    assert len(AMBIGUOUS_REGENCY_NAMES) == 26


@pytest.mark.parametrize("name", sorted(AMBIGUOUS))
def test_ambiguous_name_lists_every_candidate(name: str) -> None:
    codes = AMBIGUOUS[name]
    with pytest.raises(RegionError) as info:
        resolve_region(name)
    message = str(info.value)
    assert message.startswith(f"ambiguous region '{name}': ")
    assert message.endswith("; write the code or the full name")
    for code in codes:
        assert f"{code} {full_name(get_region(code))}" in message
    assert [r.code for r in info.value.candidates] == codes
    assert [r.code for r in region_candidates(name.upper())] == codes
    for code in codes:  # each candidate's code and full name resolve without ambiguity
        assert resolve_region(code).code == code
        assert resolve_region(full_name(get_region(code))).code == code


def test_tegal_message_exactly() -> None:
    with pytest.raises(RegionError, match=re.escape(
        "ambiguous region 'Tegal': 33.28 Kabupaten Tegal, 33.76 Kota Tegal; write the code or the full name"
    )):
        resolve_region("  Tegal ")


# --- resolution ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("33.28", "33.28"), (" 33.28 ", "33.28"), ("3328", "33.28"), ("\t33.76\n", "33.76"), ("33", "33"),
        ("Kabupaten Tegal", "33.28"), ("Kab. Tegal", "33.28"), ("kab tegal", "33.28"),
        ("KOTA tegal", "33.76"), ("Kota  Palu", "72.71"), ("Kotamadya Malang", "35.73"),
        ("Pemkab Malang", "35.07"), ("Sarolangun", "15.03"), ("sarolangun ", "15.03"), ("Jawa Tengah", "33"),
        ("Provinsi Jawa Tengah", "33"), ("PROVINSI   jawa   tengah", "33"), ("Prov. Jateng", "33"),
        ("DKI Jakarta", "31"), ("Jakarta", "31"), ("Daerah Khusus Jakarta", "31"), ("DIY", "34"),
        ("DI Yogyakarta", "34"), ("Daerah Istimewa Yogyakarta", "34"), ("NTB", "52"), ("ntt", "53"),
        ("Kepri", "21"), ("Babel", "19"), ("Sulsel", "73"), ("Provinsi Bengkulu", "17"),
        ("Kota Bengkulu", "17.71"), ("Kota Administrasi Jakarta Pusat", "31.71"),
        ("Kota Adm. Jakarta Pusat", "31.71"), ("Jakarta Pusat", "31.71"),
        ("Kabupaten Administrasi Kepulauan Seribu", "31.01"),
        ("Kab. Kep. Siau Tagulandang Biaro", "71.09"), ("Sitaro", "71.09"), ("Kota Baubau", "74.72"),
        ("Kota Bau-Bau", "74.72"), ("Kabupaten Fakfak", "92.03"), ("Tolitoli", "72.04"),
        ("Kota Palangka Raya", "62.71"), ("Solo", "33.72"), ("Bánjarnegara", "33.04"), ("Wakatobi", "74.07"),
        ("Kabupaten Banjar", "63.03"), ("Kota Banjar", "32.79"), ("３３.２８", "33.28"),
    ],
)
def test_resolves(text: str, code: str) -> None:
    assert resolve_region(text).code == code
    assert [r.code for r in region_candidates(text)] == [code]


def test_every_region_resolves_by_code_and_name() -> None:
    ambiguous = {name.casefold() for name in AMBIGUOUS}
    for r in all_regions():
        assert get_region(r.code) is r
        assert resolve_region(r.code) is r
        assert resolve_region(r.code.replace(".", "")) is r
        assert resolve_region(full_name(r)) is r
        assert resolve_region(full_name(r).upper()) is r
        if r.short_name.casefold() not in ambiguous:
            assert resolve_region(r.short_name) is r
            assert resolve_region(r.name) is r


def test_province_aliases_do_not_clash() -> None:
    for code, aliases in regions_module._PROVINCE_ALIASES.items():
        for alias in aliases:
            assert resolve_region(alias).code == code
            assert resolve_region(f"Provinsi {alias}").code == code


@given(st.sampled_from(all_regions()), st.data())
def test_case_and_whitespace_variants(region: Region, data: st.DataObject) -> None:
    words = full_name(region).split()
    cased = [data.draw(st.sampled_from([w.lower(), w.upper(), w.title(), w])) for w in words]
    gaps = [data.draw(st.sampled_from([" ", "  ", "\t", " \n "])) for _ in words[1:]]
    text = data.draw(st.sampled_from(["", " ", "\t"])) + cased[0]
    for gap, word in zip(gaps, cased[1:], strict=True):
        text += gap + word
    assert resolve_region(text + data.draw(st.sampled_from(["", " ", "\n"]))) is region


# --- errors ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Atlantis", "Kota", "Kabupaten", "!!!", "Tegal Tegal", "Kab Kota Tegal"])
def test_unknown_name(text: str) -> None:
    with pytest.raises(RegionError, match=f"^unknown region '{re.escape(text)}': {re.escape(HOW)}"):
        resolve_region(text)
    assert region_candidates(text) == []


@pytest.mark.parametrize("text", ["99.99", "99", "33.99", "3399", "33.2", "1", "33.28.01", "33.28.01.2001"])
def test_unknown_code(text: str) -> None:
    with pytest.raises(RegionError, match=f"^unknown region code '{re.escape(text)}': {re.escape(HOW)}"):
        resolve_region(text)
    with pytest.raises(RegionError, match="unknown region code"):
        get_region(text)


def test_district_code_points_to_its_regency() -> None:
    with pytest.raises(RegionError, match=r"district or village code, its regency is 33\.28$"):
        resolve_region("33.28.01")


def test_get_region_wants_the_exact_dotted_code() -> None:
    assert get_region("33.28").name == "Kabupaten Tegal"
    for text in ("3328", " 33.28", "Kabupaten Tegal"):
        with pytest.raises(RegionError):
            get_region(text)


@pytest.mark.parametrize("text", ["", " ", "\t\n  "])
def test_empty(text: str) -> None:
    with pytest.raises(RegionError, match=f"^empty region: {re.escape(HOW)}$"):
        resolve_region(text)
    assert region_candidates(text) == []


@pytest.mark.parametrize(
    ("text", "suggested"),
    [
        ("Sarolangunn", "15.03 Kabupaten Sarolangun"),
        ("Jawa Tangah", "33 Provinsi Jawa Tengah"),
        ("Kab. Banyuwangy", "35.10 Kabupaten Banyuwangi"),
        ("Tegall", "33.28 Kabupaten Tegal or 33.76 Kota Tegal"),
        ("Kabupaten Bengkulu", "17 Provinsi Bengkulu or 17.71 Kota Bengkulu"),
    ],
)
def test_did_you_mean(text: str, suggested: str) -> None:
    with pytest.raises(RegionError) as info:
        resolve_region(text)
    assert str(info.value) == f"unknown region '{text}': {HOW}; did you mean {suggested}?"


def test_no_suggestion_for_nonsense() -> None:
    with pytest.raises(RegionError) as info:
        resolve_region("Atlantis")
    assert "did you mean" not in str(info.value)


def test_message_is_one_short_line() -> None:
    with pytest.raises(RegionError) as info:
        resolve_region("Atlantis\nLemuria " + "x" * 500)
    message = str(info.value)
    assert "\n" not in message and len(message) < 250
    assert message.startswith("unknown region 'Atlantis Lemuria xxx")


def test_non_text() -> None:
    with pytest.raises(RegionError):
        resolve_region(None)  # type: ignore[arg-type]
    assert region_candidates(33.28) == []  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_arbitrary_text_only_raises_region_error(text: str) -> None:
    try:
        region = resolve_region(text)
    except RegionError as err:
        assert str(err) and "\n" not in str(err)
    else:
        assert isinstance(region, Region)
        assert region in region_candidates(text)


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[0-9. ]{0,12}|(Kab|Kota|Provinsi)\.? ?[A-Za-z .-]{0,20}", fullmatch=True))
def test_code_and_name_shaped_text_only_raises_region_error(text: str) -> None:
    try:
        resolve_region(text)
    except RegionError:
        pass


def test_doctests() -> None:
    result = doctest.testmod(regions_module)
    assert result.attempted >= 4 and result.failed == 0
