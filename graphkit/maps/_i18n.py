"""Interface labels of the map page in Indonesian (``id``, the default) and English (``en``).

Only interface text lives here; data (names, titles, descriptions) is shown as it is in the graph.
The page receives one flat dictionary (:func:`labels`) and writes every label with ``textContent``.
"""

from __future__ import annotations

from graphkit._errors import GraphkitError

__all__ = ["LANGS", "labels", "MapLanguageError"]

LANGS = ("id", "en")


class MapLanguageError(GraphkitError):
    """An interface language the map does not have."""

    exit_code = 2


_ID: dict[str, str] = {
    # page
    "title": "Peta kolaborasi pelindungan pekerja migran",
    "view.network": "Jaringan",
    "view.geo": "Geografis",
    "view.province": "Per provinsi",
    "view.network.long": "Jaringan kolaborasi: organisasi dan kabupaten/kota",
    "view.geo.long": "Peta geografis: kabupaten/kota di koordinat ibu kotanya",
    "view.province.long": "Ringkasan per provinsi",
    "auto_province": "Graf terlalu besar untuk digambar per simpul; ditampilkan per provinsi.",
    "synthetic": "DATA SINTETIS — bukan data nyata",
    "as_of": "Per tanggal",
    "nodes_shown": "simpul tampil",
    "edges_shown": "garis tampil",
    # controls
    "search": "Cari nama, alias atau kode",
    "search.none": "Tidak ditemukan",
    "filters": "Saring",
    "filter.types": "Jenis organisasi",
    "filter.province": "Provinsi",
    "filter.province.all": "Semua provinsi",
    "filter.statuses": "Status cakupan",
    "filter.kinds": "Jenis perjanjian",
    "filter.reset": "Atur ulang",
    "year": "Tahun",
    "year.end": "akhir tahun",
    "year.play": "Putar",
    "year.stop": "Henti",
    "fit": "Lihat semua",
    "basemap": "Peta dasar",
    "picture": "Simpan gambar",
    "legend.basemap": "Peta dasar: Natural Earth (domain publik)",
    "legend.borders": "Batas provinsi: perkiraan",
    "legend": "Keterangan",
    "legend.size": "Ukuran simpul",
    "legend.size.province": "Ukuran: jumlah kabupaten/kota",
    "legend.share": "Warna: bagian kabupaten/kota terjangkau perjanjian berlaku",
    "legend.edges": "Garis",
    "legend.shapes": "Bentuk",
    "legend.min": "min",
    "legend.max": "maks",
    "legend.faded": "Pudar: semua perjanjiannya sudah berakhir",
    "close": "Tutup",
    "hidden_by_filter": "Tersembunyi oleh saringan atau tahun yang dipilih",
    "help": "Klik simpul untuk rincian; gulir untuk memperbesar; seret untuk menggeser.",
    # node groups
    "group.org": "Organisasi",
    "group.regency": "Kabupaten/kota",
    "group.province": "Provinsi",
    "group.isolated_block": "Tanpa ikatan langsung",
    # organization types
    "type.agency": "BP2MI dan unitnya",
    "type.regional_government": "Pemerintah daerah",
    "type.education": "Pendidikan",
    "type.health": "Kesehatan",
    "type.financial": "Keuangan",
    "type.government": "Kementerian/lembaga",
    "type.private": "Swasta",
    "type.international": "Internasional",
    "type.community": "Komunitas",
    # coverage statuses
    "status.active": "Aktif (ada tindak lanjut)",
    "status.idle": "Diam (belum ada tindak lanjut)",
    "status.provincial": "Lewat provinsi",
    "status.program_only": "Hanya program",
    "status.lapsed": "Kedaluwarsa",
    "status.isolated": "Terisolasi",
    # agreement kinds
    "kind.mou": "Nota kesepahaman (MoU)",
    "kind.pks": "Perjanjian kerja sama (PKS)",
    "kind.technical": "Perjanjian teknis",
    "kind.other": "Lainnya",
    # edge kinds
    "edge.party": "Pihak dalam perjanjian yang sama",
    "edge.governs": "Memerintah wilayah",
    "edge.located_in": "Berkedudukan di wilayah",
    "edge.program": "Program aktif di wilayah",
    "edge.province": "Kerja sama antarprovinsi",
    # measures
    "measure.degree": "derajat (jumlah ikatan)",
    "measure.weighted_degree": "derajat berbobot",
    "measure.betweenness": "keantaraan (perantara)",
    "measure.pagerank": "PageRank",
    "measure.closeness": "kedekatan",
    "measure.core": "k-core (inti)",
    "measure.regencies": "jumlah kabupaten/kota",
    # detail panel
    "d.type": "Jenis",
    "d.region": "Wilayah",
    "d.province": "Provinsi",
    "d.code": "Kode",
    "d.aliases": "Nama lain",
    "d.status": "Status",
    "d.reason": "Dasar status",
    "d.agreements": "Perjanjian",
    "d.partners": "Mitra",
    "d.signed": "ditandatangani",
    "d.expires": "berakhir",
    "d.assumed": "(diasumsikan)",
    "d.in_force": "berlaku",
    "d.expired": "sudah berakhir",
    "d.not_yet": "belum ditandatangani",
    "d.follow_ups": "Tindak lanjut",
    "d.no_follow_ups": "belum ada tindak lanjut",
    "d.programs": "Program",
    "d.since": "sejak",
    "d.placements": "Penempatan PMI",
    "d.workers": "orang",
    "d.source": "Sumber",
    "d.sources": "Sumber",
    "d.measure": "Ukuran",
    "d.regencies": "Kabupaten/kota",
    "d.covered": "Terjangkau perjanjian berlaku",
    "d.organizations": "Organisasi",
    "d.more": "lainnya",
    "d.none": "tidak ada",
    "d.synthetic": "sintetis",
    # follow-up kinds
    "fu.action_plan": "Rencana aksi",
    "fu.regulation": "Peraturan (Perda/Perkada)",
    "fu.budget": "Anggaran",
    "fu.training": "Pelatihan",
    "fu.socialization": "Sosialisasi",
    "fu.service": "Layanan (mis. LTSA)",
    "fu.monitoring": "Pemantauan",
    "fu.other": "Lainnya",
}

_EN: dict[str, str] = {
    "title": "Migrant-worker protection collaboration map",
    "view.network": "Network",
    "view.geo": "Geographic",
    "view.province": "By province",
    "view.network.long": "Collaboration network: organizations and regencies",
    "view.geo.long": "Geographic map: regencies at their capitals",
    "view.province.long": "Summary by province",
    "auto_province": "The graph is too large to draw node by node; shown by province.",
    "synthetic": "SYNTHETIC DATA — not real",
    "as_of": "As of",
    "nodes_shown": "nodes shown",
    "edges_shown": "edges shown",
    "search": "Search name, alias or code",
    "search.none": "No match",
    "filters": "Filters",
    "filter.types": "Organization type",
    "filter.province": "Province",
    "filter.province.all": "All provinces",
    "filter.statuses": "Coverage status",
    "filter.kinds": "Agreement kind",
    "filter.reset": "Reset",
    "year": "Year",
    "year.end": "end of year",
    "year.play": "Play",
    "year.stop": "Stop",
    "fit": "Show all",
    "basemap": "Basemap",
    "picture": "Save picture",
    "legend.basemap": "Basemap: Natural Earth (public domain)",
    "legend.borders": "Province borders: approximate",
    "legend": "Legend",
    "legend.size": "Node size",
    "legend.size.province": "Size: number of regencies",
    "legend.share": "Colour: share of regencies reached by an agreement in force",
    "legend.edges": "Edges",
    "legend.shapes": "Shapes",
    "legend.min": "min",
    "legend.max": "max",
    "legend.faded": "Faded: all its agreements have expired",
    "close": "Close",
    "hidden_by_filter": "Hidden by the filters or the selected year",
    "help": "Click a node for details; scroll to zoom; drag to pan.",
    "group.org": "Organization",
    "group.regency": "Regency/city",
    "group.province": "Province",
    "group.isolated_block": "No direct tie",
    "type.agency": "BP2MI and its units",
    "type.regional_government": "Regional government",
    "type.education": "Education",
    "type.health": "Health",
    "type.financial": "Financial",
    "type.government": "Ministry/agency",
    "type.private": "Private",
    "type.international": "International",
    "type.community": "Community",
    "status.active": "Active (with follow-up)",
    "status.idle": "Idle (no follow-up yet)",
    "status.provincial": "Via province",
    "status.program_only": "Program only",
    "status.lapsed": "Lapsed",
    "status.isolated": "Isolated",
    "kind.mou": "Memorandum of understanding (MoU)",
    "kind.pks": "Cooperation agreement (PKS)",
    "kind.technical": "Technical agreement",
    "kind.other": "Other",
    "edge.party": "Parties to the same agreement",
    "edge.governs": "Governs the region",
    "edge.located_in": "Located in the region",
    "edge.program": "Program active in the region",
    "edge.province": "Ties between provinces",
    "measure.degree": "degree (number of ties)",
    "measure.weighted_degree": "weighted degree",
    "measure.betweenness": "betweenness (brokerage)",
    "measure.pagerank": "PageRank",
    "measure.closeness": "closeness",
    "measure.core": "k-core",
    "measure.regencies": "number of regencies",
    "d.type": "Type",
    "d.region": "Region",
    "d.province": "Province",
    "d.code": "Code",
    "d.aliases": "Also known as",
    "d.status": "Status",
    "d.reason": "Status based on",
    "d.agreements": "Agreements",
    "d.partners": "Partners",
    "d.signed": "signed",
    "d.expires": "expires",
    "d.assumed": "(assumed)",
    "d.in_force": "in force",
    "d.expired": "expired",
    "d.not_yet": "not signed yet",
    "d.follow_ups": "Follow-ups",
    "d.no_follow_ups": "no follow-up yet",
    "d.programs": "Programs",
    "d.since": "since",
    "d.placements": "Workers placed",
    "d.workers": "workers",
    "d.source": "Source",
    "d.sources": "Sources",
    "d.measure": "Measure",
    "d.regencies": "Regencies/cities",
    "d.covered": "Reached by an agreement in force",
    "d.organizations": "Organizations",
    "d.more": "more",
    "d.none": "none",
    "d.synthetic": "synthetic",
    "fu.action_plan": "Action plan",
    "fu.regulation": "Regulation (Perda/Perkada)",
    "fu.budget": "Budget",
    "fu.training": "Training",
    "fu.socialization": "Socialisation",
    "fu.service": "Service (e.g. LTSA)",
    "fu.monitoring": "Monitoring",
    "fu.other": "Other",
}

_TABLES = {"id": _ID, "en": _EN}


def labels(lang: str = "id") -> dict[str, str]:
    """The interface labels of the map page in ``lang`` (``"id"`` or ``"en"``).

    Parameters
    ----------
    lang : str, default "id"
        Interface language: Indonesian (``id``) or English (``en``).

    Returns
    -------
    dict[str, str]
        A fresh copy; every language has the same keys.

    Examples
    --------
    >>> labels("en")["year"], labels()["year"]
    ('Year', 'Tahun')
    """
    table = _TABLES.get(lang)
    if table is None:
        raise MapLanguageError(f"unknown map language {lang!r}: use one of {', '.join(LANGS)}")
    return dict(table)
