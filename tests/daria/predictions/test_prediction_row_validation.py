"""JSON rows to predict: objects are taken as they are, anything else is refused by position."""

from django.utils import translation

from daria.predictions.serializers import PredictRowsSerializer


def test_object_rows_are_taken_unchanged() -> None:
    rows = [{"age": 30, "plan": None, "tags": [1, "a"]}, {}, {"usage": 5.5}]

    form = PredictRowsSerializer(data={"rows": rows})

    assert form.is_valid(), form.errors
    assert form.validated_data["rows"] == rows


def test_a_row_that_is_not_an_object_is_refused_with_its_position() -> None:
    form = PredictRowsSerializer(data={"rows": [{"age": 30}, 5, ["age", 30]]})

    with translation.override("en"):
        assert not form.is_valid()
    assert set(form.errors["rows"]) == {1, 2}
    assert str(form.errors["rows"][1][0]) == 'Expected a dictionary of items but got type "int".'
    assert str(form.errors["rows"][2][0]) == 'Expected a dictionary of items but got type "list".'
