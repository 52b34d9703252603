function mpc = case3_congested
%CASE3_CONGESTED  Three buses in a triangle, written for EnergyChain's tests (not from MATPOWER).
%   Cheap generator G1 at bus 1 (10 $/MWh, 250 MW), dear G2 at bus 2 (20 $/MWh, 300 MW), 300 MW of
%   load at bus 3. All three lines have x = 0.1 pu, so 2/3 of what bus 1 sends to bus 3 flows directly
%   on line 1-3. Line 1-3 is limited to 150 MW: G1 is held at 150 MW and the prices separate to
%   10 / 20 / 30 $/MWh at buses 1 / 2 / 3 (worked out by hand in the test).

%% MATPOWER Case Format : Version 2
mpc.version = '2';

%%-----  Power Flow Data  -----%%
%% system MVA base
mpc.baseMVA = 100;

%% bus data
%	bus_i	type	Pd	Qd	Gs	Bs	area	Vm	Va	baseKV	zone	Vmax	Vmin
mpc.bus = [
	1	3	0	0	0	0	1	1	0	230	1	1.1	0.9;
	2	2	0	0	0	0	1	1	0	230	1	1.1	0.9;
	3	1	300	50	0	0	1	1	0	230	1	1.1	0.9;
];

%% generator data
%	bus	Pg	Qg	Qmax	Qmin	Vg	mBase	status	Pmax	Pmin
mpc.gen = [
	1	0	0	300	-300	1	100	1	250	0;
	2	0	0	300	-300	1	100	1	300	0;
];

%% branch data
%	fbus	tbus	r	x	b	rateA	rateB	rateC	ratio	angle	status	angmin	angmax
mpc.branch = [
	1	2	0	0.1	0	0	0	0	0	0	1	-360	360;
	1	3	0	0.1	0	150	0	0	0	0	1	-360	360;
	2	3	0	0.1	0	0	0	0	0	0	1	-360	360;
];

%%-----  OPF Data  -----%%
%% generator cost data
%	2	startup	shutdown	n	c(n-1)	...	c0
mpc.gencost = [
	2	0	0	2	10	0;
	2	0	0	2	20	0;
];
