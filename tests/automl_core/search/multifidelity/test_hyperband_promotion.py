"""ASHA promotion on the ladder: the best 1/eta of a rung go up, as soon as they qualify."""

from automl_core.search.multifidelity.ladder import Ladder, Promotion
from automl_core.search.multifidelity.schedule import Schedule
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState

SCHEDULE = Schedule(eta=3, min_fidelity=1 / 9)
LOW, MID = SCHEDULE.fidelity(0), SCHEDULE.fidelity(1)


def point(x, fidelity=1.0):
    return Configuration("f", {"x": x}).at_fidelity(fidelity)


def finished(number, config, loss):
    if loss is None:
        return TrialRecord(number, TrialState.FAILED, "f", config.params, error="boom")
    return TrialRecord(number, TrialState.COMPLETE, "f", config.params, loss)


def ladder(results, pending=()):
    history = [finished(n, config, loss) for n, (config, loss) in enumerate(results)]
    return Ladder.build(SCHEDULE, history, pending, lambda r: r.loss(greater_is_better=False))


def test_nothing_is_promoted_before_a_rung_has_eta_results():
    assert ladder([(point(1, LOW), 0.5), (point(2, LOW), 0.1)]).promotion() is None


def test_the_best_of_three_on_the_bottom_rung_is_promoted():
    board = ladder([(point(1, LOW), 0.5), (point(2, LOW), 0.1), (point(3, LOW), 0.9)])
    assert board.promotion() == Promotion(point(2), 1)


def test_a_configuration_is_promoted_once_even_while_its_next_trial_runs():
    results = [(point(1, LOW), 0.5), (point(2, LOW), 0.1), (point(3, LOW), 0.9)]
    assert ladder(results, pending=[point(2, MID)]).promotion() is None
    assert ladder([*results, (point(2, MID), 0.2)]).promotion() is None


def test_six_results_promote_the_best_two_in_order_of_loss():
    results = [(point(x, LOW), loss) for x, loss in enumerate([0.6, 0.2, 0.9, 0.1, 0.8, 0.7])]
    board = ladder(results)
    assert board.promotion() == Promotion(point(3), 1)
    assert ladder(results, pending=[point(3, MID)]).promotion() == Promotion(point(1), 1)


def test_failed_trials_count_towards_the_rung_but_are_never_promoted():
    board = ladder([(point(1, LOW), None), (point(2, LOW), None), (point(3, LOW), None)])
    assert board.promotion() is None
    board = ladder([(point(1, LOW), None), (point(2, LOW), 0.7), (point(3, LOW), None)])
    assert board.promotion() == Promotion(point(2), 1)


def test_higher_rungs_are_promoted_first():
    bottom = [(point(x, LOW), 0.1 * x) for x in range(1, 10)]  # promotes 1, 2 and 3
    middle = [(point(x, MID), 0.5 - 0.1 * x) for x in (1, 2, 3)]  # 3 is the best of the middle
    board = ladder(bottom + middle)
    assert board.promotion() == Promotion(point(3), 2)


def test_brackets_promote_only_among_their_own_configurations():
    # Configurations started at 1/9 and at 1/3 are in different brackets: two 1/3 starts and a
    # 1/9 start are not three results of one bracket, three 1/3 starts are.
    results = [(point(x, MID), 0.1 * x) for x in (1, 2)] + [(point(9, LOW), 0.9)]
    assert ladder(results).promotion() is None
    results.append((point(3, MID), 0.05))
    assert ladder(results).promotion() == Promotion(point(3), 2)


def test_new_configurations_go_to_the_bracket_furthest_behind_its_share():
    board = ladder([])
    assert board.next_bracket() == 0  # all empty: the cheapest bracket first
    board = ladder([(point(1, LOW), 0.5)])
    assert board.next_bracket() == 1
    board = ladder([(point(1, LOW), 0.5), (point(2, MID), 0.5)])
    assert board.next_bracket() == 2
    board = ladder([(point(1, LOW), 0.5), (point(2, MID), 0.5), (point(3), 0.5)])
    assert board.next_bracket() == 0
