"""What prune_versions.py deletes, and what it never touches (run by PruneVersionsTest)."""
import unittest

from prune_versions import AwsCli, prune, versions_to_delete


def alias(version, weights=None):
    body = {"Name": "live", "FunctionVersion": version}
    if weights is not None:
        body["RoutingConfig"] = {"AdditionalVersionWeights": weights}
    return body


class VersionsToDelete(unittest.TestCase):

    def test_the_newest_are_kept_and_the_rest_deleted_oldest_first(self):
        versions = ["$LATEST", "1", "2", "3", "4", "5", "6", "7"]
        self.assertEqual(versions_to_delete(versions, [alias("7")], keep=3), ["1", "2", "3", "4"])

    def test_an_aliased_version_is_kept_however_old(self):
        versions = ["$LATEST", "1", "2", "3", "4", "5"]
        self.assertEqual(versions_to_delete(versions, [alias("1")], keep=2), ["2", "3"])

    def test_both_versions_of_a_weighted_alias_are_kept(self):
        versions = ["$LATEST", "1", "2", "3", "4", "5"]
        self.assertEqual(versions_to_delete(versions, [alias("2", {"1": 0.1})], keep=1), ["3", "4"])

    def test_latest_is_never_deleted(self):
        self.assertEqual(versions_to_delete(["$LATEST"], [], keep=0), [])
        self.assertNotIn("$LATEST", versions_to_delete(["$LATEST", "1", "2"], [], keep=0))

    def test_keep_zero_leaves_only_aliased_versions(self):
        self.assertEqual(versions_to_delete(["$LATEST", "1", "2", "3"], [alias("3")], keep=0), ["1", "2"])

    def test_versions_are_ordered_as_numbers_not_text(self):
        versions = ["$LATEST"] + [str(n) for n in range(1, 12)]
        self.assertEqual(versions_to_delete(versions, [alias("11")], keep=2), [str(n) for n in range(1, 10)])

    def test_nothing_to_delete_when_there_are_no_more_than_keep(self):
        self.assertEqual(versions_to_delete(["$LATEST", "1", "2"], [alias("2")], keep=5), [])


class FakeAws:
    """The AWS CLI's answers, in pages of `page_size` items with NextToken as the CLI pages them."""

    def __init__(self, resources, versions, aliases, page_size=2):
        self.listings = {("cloudformation", "list-stack-resources"): ("StackResourceSummaries", lambda _: resources),
                         ("lambda", "list-versions-by-function"): ("Versions", lambda f: [{"Version": v} for v in versions[f]]),
                         ("lambda", "list-aliases"): ("Aliases", lambda f: aliases.get(f, []))}
        self.page_size = page_size
        self.deleted = []
        self.pages_read = 0

    def __call__(self, arguments):
        service, operation = arguments[0], arguments[1]
        if operation == "delete-function":
            self.deleted.append((arguments[arguments.index("--function-name") + 1], arguments[arguments.index("--qualifier") + 1]))
            return {}
        key, items = self.listings[(service, operation)]
        items = items(arguments[3])
        start = int(arguments[arguments.index("--starting-token") + 1]) if "--starting-token" in arguments else 0
        self.pages_read += 1
        page = {key: items[start:start + self.page_size]}
        if start + self.page_size < len(items):
            page["NextToken"] = str(start + self.page_size)
        return page


def stack_resources():
    return [{"ResourceType": "AWS::Lambda::Function", "PhysicalResourceId": "car-catalog-CarsFunction-A1"},
            {"ResourceType": "AWS::Lambda::Version", "PhysicalResourceId": "arn:aws:lambda:r:1:function:car-catalog-CarsFunction-A1:9"},
            {"ResourceType": "AWS::DynamoDB::Table", "PhysicalResourceId": "automobileDataTable"},
            {"ResourceType": "AWS::Lambda::Function", "PhysicalResourceId": "car-catalog-FiltersFunction-B2"}]


class Prune(unittest.TestCase):

    def test_every_page_of_every_listing_is_read(self):
        versions = {"car-catalog-CarsFunction-A1": ["$LATEST"] + [str(n) for n in range(1, 10)],
                    "car-catalog-FiltersFunction-B2": ["$LATEST", "1", "2"]}
        aws = FakeAws(stack_resources(), versions, {"car-catalog-CarsFunction-A1": [alias("9")]}, page_size=2)
        pruned = prune(AwsCli(aws), "car-catalog", keep=2, log=lambda _: None)
        self.assertEqual(pruned["car-catalog-CarsFunction-A1"], [str(n) for n in range(1, 8)])
        self.assertEqual(pruned["car-catalog-FiltersFunction-B2"], [])
        self.assertGreater(aws.pages_read, 7, "2 stack pages, 5 + 2 version pages, 2 alias pages")

    def test_only_the_stacks_functions_lose_versions_and_always_by_qualifier(self):
        versions = {"car-catalog-CarsFunction-A1": ["$LATEST", "1", "2", "3"], "car-catalog-FiltersFunction-B2": ["$LATEST", "1", "2"]}
        aliases = {"car-catalog-CarsFunction-A1": [alias("3")], "car-catalog-FiltersFunction-B2": [alias("2")]}
        aws = FakeAws(stack_resources(), versions, aliases)
        prune(AwsCli(aws), "car-catalog", keep=0, log=lambda _: None)
        self.assertEqual(aws.deleted, [("car-catalog-CarsFunction-A1", "1"), ("car-catalog-CarsFunction-A1", "2"),
                                       ("car-catalog-FiltersFunction-B2", "1")])

    def test_a_dry_run_deletes_nothing(self):
        versions = {"car-catalog-CarsFunction-A1": ["$LATEST", "1", "2"], "car-catalog-FiltersFunction-B2": ["$LATEST", "1"]}
        aws = FakeAws(stack_resources(), versions, {})
        pruned = prune(AwsCli(aws), "car-catalog", keep=0, dry_run=True, log=lambda _: None)
        self.assertEqual(aws.deleted, [])
        self.assertEqual(pruned["car-catalog-CarsFunction-A1"], ["1", "2"])


if __name__ == "__main__":
    unittest.main()
