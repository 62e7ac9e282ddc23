#!/usr/bin/env python3
"""Translates cloudformation/template.yaml with SAM's own translator, offline, the way CloudFormation's
AWS::Serverless transform does after `aws cloudformation package`: local CodeUri and
DefinitionS3Location paths become S3 locations, the given parameter values are the stack's.

Usage: sam_translate.py TEMPLATE '{"Parameter": "value", ...}'  ->  the translated template as JSON
on standard output. Needs the aws-sam-translator package (.ci/run and buildspec.yml install it)."""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicies:
    """The template names its own roles, so no AWS managed policy has to be looked up."""

    def load(self):
        return {}


def packaged(template):
    for resource in template.get("Resources", {}).values():
        properties = resource.get("Properties", {})
        code = properties.get("CodeUri")
        if isinstance(code, str) and not code.startswith("s3://"):
            properties["CodeUri"] = "s3://artifacts/packages/" + os.path.basename(code)
        if isinstance(properties.get("DefinitionS3Location"), str):
            properties["DefinitionS3Location"] = {"Bucket": "artifacts", "Key": "packages/ingest.asl.json"}
    return template


def main():
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(sys.argv[1], encoding="utf-8") as file:
        template = packaged(yaml_parse(file.read()))
    parameters = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    # CloudFormation hands the transform every parameter value as a string, defaults included.
    for name, parameter in template.get("Parameters", {}).items():
        if "Default" in parameter:
            parameters.setdefault(name, str(parameter["Default"]))
    json.dump(transform(template, parameters, NoManagedPolicies()), sys.stdout)


if __name__ == "__main__":
    main()
