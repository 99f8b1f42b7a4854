// The jsii runtime talks to one Node child process per test process; CDK tests run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
