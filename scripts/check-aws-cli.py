#!/usr/bin/env python3
"""Checks AWS CLI commands against the service models that the installed AWS CLI (botocore) uses.

Reads a JSON list of command lines on stdin (each starting with `aws`), prints a JSON list of problems
(empty when every command names a real service, operation or waiter, and only options that operation takes).
This answers the same question as `aws <service> <command> help`, for hundreds of commands in one process.
"""
import json
import shlex
import sys

import botocore.session
from botocore import xform_name

GLOBAL = {"--region", "--profile", "--output", "--query", "--endpoint-url", "--no-verify-ssl", "--no-paginate",
          "--debug", "--no-sign-request", "--cli-read-timeout", "--cli-connect-timeout", "--color",
          "--cli-input-json", "--cli-input-yaml", "--generate-cli-skeleton", "--page-size", "--max-items",
          "--starting-token", "--no-cli-pager", "--cli-binary-format"}
FLAGS_WITHOUT_VALUE = {"--no-verify-ssl", "--no-paginate", "--debug", "--no-sign-request", "--no-cli-pager"}
# Services whose CLI name differs from the botocore name.
CLI_TO_BOTOCORE = {"s3api": "s3", "configservice": "config"}
# Commands the AWS CLI adds on top of the service models (awscli "customizations"), with their options.
CUSTOMIZATIONS = {
    ("cloudtrail", "validate-logs"): {"--trail-arn", "--start-time", "--end-time", "--s3-bucket", "--s3-prefix",
                                      "--account-id", "--verbose"},
}

session = botocore.session.get_session()
available = set(session.get_available_services())


def check(line):
    try:
        tokens = shlex.split(line)
    except ValueError as e:
        return [f"cannot parse: {e}"]
    if len(tokens) < 3 or tokens[0] != "aws":
        return ["not an 'aws <service> <command>' line"]
    service_cli, command = tokens[1], tokens[2]
    if (service_cli, command) in CUSTOMIZATIONS:
        allowed = CUSTOMIZATIONS[(service_cli, command)] | GLOBAL
        return [f"'{service_cli} {command}' has no option {t.split('=', 1)[0]}"
                for t in tokens[3:] if t.startswith("--") and t.split("=", 1)[0] not in allowed]
    service = CLI_TO_BOTOCORE.get(service_cli, service_cli)
    if service not in available:
        return [f"unknown service '{service_cli}'"]
    model = session.get_service_model(service)
    ops = {xform_name(op, "-"): op for op in model.operation_names}
    rest = tokens[3:]
    if command == "wait":
        waiter_model = session.get_waiter_model(service)
        waiters = {xform_name(w, "-"): w for w in waiter_model.waiter_names}
        if not rest or rest[0] not in waiters:
            return [f"unknown waiter '{rest[0] if rest else ''}' for {service_cli}"]
        operation = model.operation_model(waiter_model.get_waiter(waiters[rest[0]]).operation)
        rest = rest[1:]
    elif command in ops:
        operation = model.operation_model(ops[command])
    else:
        return [f"unknown command '{service_cli} {command}'"]

    members = operation.input_shape.members if operation.input_shape else {}
    allowed = set()
    booleans = set()
    for name, shape in members.items():
        option = "--" + xform_name(name, "-")
        allowed.add(option)
        if shape.type_name == "boolean":
            booleans.add(option)
            allowed.add("--no-" + option[2:])
    streaming_out = operation.has_streaming_output
    problems = []
    i = 0
    positional = 0
    while i < len(rest):
        token = rest[i]
        if token.startswith("--"):
            option = token.split("=", 1)[0]
            if option not in allowed and option not in GLOBAL:
                problems.append(f"'{service_cli} {command}' has no option {option}")
            takes_value = not (option in booleans or option.startswith("--no-") or option in FLAGS_WITHOUT_VALUE or "=" in token)
            i += 2 if takes_value else 1
        else:
            positional += 1
            if not streaming_out or positional > 1:
                problems.append(f"unexpected argument '{token}' for '{service_cli} {command}'")
            i += 1
    return problems


def main():
    lines = json.load(sys.stdin)
    result = []
    for line in lines:
        for problem in check(line):
            result.append({"command": line, "problem": problem})
    json.dump(result, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
