#!/usr/bin/env python3
"""Deletes the application stack's Lambda versions that nothing can call any more.

Every deploy publishes a new version of each function and CloudFormation retains the old ones, so
they pile up against the account's 75 GB code storage quota. For each AWS::Lambda::Function of the
stack this deletes the published versions that no alias routes to (weighted routing included),
keeping the `keep` newest whatever their aliases; $LATEST is never touched.

Usage: prune_versions.py --stack-name NAME [--keep N] [--dry-run]
Runs in the pipeline's PruneVersions stage (cloudformation/prune-buildspec.yml). Standard library
and the AWS CLI only: both are on the CodeBuild image."""
import argparse
import json
import subprocess
import sys

LATEST = "$LATEST"
PAGE_SIZE = "50"


def versions_to_delete(versions, aliases, keep):
    """The published versions to delete, oldest first: neither among the `keep` newest nor routed to by an alias."""
    published = sorted((int(v) for v in versions if v != LATEST), reverse=True)
    routed = set()
    for alias in aliases:
        routed.add(alias["FunctionVersion"])
        routed.update((alias.get("RoutingConfig") or {}).get("AdditionalVersionWeights", {}))
    kept = set(published[:keep])
    return [str(v) for v in sorted(published) if v not in kept and str(v) not in routed]


def functions_of(stack_resources):
    """The physical names of the stack's Lambda functions."""
    return [r["PhysicalResourceId"] for r in stack_resources
            if r["ResourceType"] == "AWS::Lambda::Function" and r.get("PhysicalResourceId")]


class AwsCli:
    """The few AWS calls the pruning needs, through the AWS CLI, every listing read to its last page."""

    def __init__(self, run=None):
        self._run = run or self._subprocess

    @staticmethod
    def _subprocess(arguments):
        done = subprocess.run(["aws", *arguments, "--output", "json"], check=True, capture_output=True, text=True)
        return json.loads(done.stdout) if done.stdout.strip() else {}

    def _all_pages(self, arguments, key):
        items, token = [], None
        while True:
            page = self._run(arguments + ["--max-items", PAGE_SIZE] + (["--starting-token", token] if token else []))
            items.extend(page.get(key, []))
            token = page.get("NextToken")
            if not token:
                return items

    def stack_resources(self, stack):
        return self._all_pages(["cloudformation", "list-stack-resources", "--stack-name", stack], "StackResourceSummaries")

    def versions(self, function):
        pages = self._all_pages(["lambda", "list-versions-by-function", "--function-name", function], "Versions")
        return [v["Version"] for v in pages]

    def aliases(self, function):
        return self._all_pages(["lambda", "list-aliases", "--function-name", function], "Aliases")

    def delete_version(self, function, version):
        self._run(["lambda", "delete-function", "--function-name", function, "--qualifier", version])


def prune(aws, stack, keep, dry_run=False, log=print):
    """Deletes (or, dry, only names) every prunable version of the stack's functions; returns {function: [versions]}."""
    pruned = {}
    for function in functions_of(aws.stack_resources(stack)):
        doomed = versions_to_delete(aws.versions(function), aws.aliases(function), keep)
        for version in doomed:
            if not dry_run:
                aws.delete_version(function, version)
        log(f"{function}: {'would delete' if dry_run else 'deleted'} {len(doomed)} version(s) {', '.join(doomed)}".rstrip())
        pruned[function] = doomed
    return pruned


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stack-name", required=True)
    parser.add_argument("--keep", type=int, default=5, help="newest published versions kept whatever their aliases")
    parser.add_argument("--dry-run", action="store_true")
    arguments = parser.parse_args(argv)
    if arguments.keep < 0:
        parser.error("--keep must be 0 or more")
    prune(AwsCli(), arguments.stack_name, arguments.keep, arguments.dry_run)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
