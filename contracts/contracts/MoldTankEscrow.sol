// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";

/// @title MoldTank bounty escrow
/// @notice Holds a poster's USDC per bounty until QA releases it to the winner, the poster takes it
///         back after the deadline plus a 24 h grace period, or the multisig rescues it.
/// @dev Decisions (see contracts/README.md):
///      - deposit takes an explicit deadline so the contract, not the platform, guarantees the
///        poster's way out; it must lie in (now, now + MAX_DEADLINE].
///      - the deal records the balance delta actually received, not the requested amount
///        (fee-on-transfer or rebasing tokens cannot make the escrow promise more than it holds).
///      - release is all-or-nothing: `amount` must equal the held amount, so funds leave once.
///      - a recipient the token refuses (USDC blacklist, reverting hook) does not lock funds: the
///        amount is owed to the winner instead, who can withdraw it later to any address.
contract MoldTankEscrow is AccessControl, ReentrancyGuard {
    using SafeERC20 for IERC20;

    bytes32 public constant QA_ROLE = keccak256("QA_ROLE");
    bytes32 public constant MULTISIG_ROLE = keccak256("MULTISIG_ROLE");
    uint64 public constant REFUND_GRACE = 24 hours;
    uint64 public constant MAX_DEADLINE = 365 days;

    enum Status { None, Held, Released, Refunded, Withdrawn }

    struct Deal {
        address payer;
        uint64 deadline;
        Status status;
        uint256 amount;
    }

    IERC20 public immutable token;
    mapping(bytes32 => Deal) private deals;
    /// Amounts released to a winner the token refused to pay; withdrawn by the winner.
    mapping(address => uint256) public owed;
    /// Sum of all `owed`, so that held + owed always equals the token balance.
    uint256 public totalOwed;

    event Deposited(bytes32 indexed bountyId, address indexed payer, uint256 amount, uint64 deadline);
    event Released(bytes32 indexed bountyId, address indexed winner, uint256 amount);
    event ReleaseDeferred(bytes32 indexed bountyId, address indexed winner, uint256 amount);
    event OwedWithdrawn(address indexed winner, address indexed to, uint256 amount);
    event Refunded(bytes32 indexed bountyId, address indexed payer, uint256 amount);
    event EmergencyWithdrawn(bytes32 indexed bountyId, address indexed to, uint256 amount);

    error ZeroAmount();
    error ZeroAddress();
    error DealExists(bytes32 bountyId);
    error DeadlineOutOfRange(uint64 deadline);
    error NothingReceived();
    error NotHeld(bytes32 bountyId, Status status);
    error AmountMismatch(uint256 held, uint256 requested);
    error NotPayer(address caller);
    error TooEarly(uint256 refundableAt);
    error NothingOwed(address winner);
    error LengthMismatch();

    constructor(IERC20 token_, address multisig, address qa) {
        if (address(token_) == address(0) || multisig == address(0) || qa == address(0)) revert ZeroAddress();
        token = token_;
        _grantRole(DEFAULT_ADMIN_ROLE, multisig);
        _grantRole(MULTISIG_ROLE, multisig);
        _grantRole(QA_ROLE, qa);
    }

    function deposit(bytes32 bountyId, uint256 amount, uint64 deadline) external nonReentrant {
        if (amount == 0) revert ZeroAmount();
        if (deals[bountyId].status != Status.None) revert DealExists(bountyId);
        if (deadline <= block.timestamp || deadline > block.timestamp + MAX_DEADLINE) {
            revert DeadlineOutOfRange(deadline);
        }
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(msg.sender, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received == 0) revert NothingReceived();
        deals[bountyId] = Deal(msg.sender, deadline, Status.Held, received);
        emit Deposited(bountyId, msg.sender, received, deadline);
    }

    function release(bytes32 bountyId, address winner, uint256 amount) external nonReentrant onlyRole(QA_ROLE) {
        _release(bountyId, winner, amount);
    }

    /// Several releases in one transaction (cheaper per bounty); any failing item reverts the batch.
    function releaseBatch(bytes32[] calldata bountyIds, address[] calldata winners, uint256[] calldata amounts)
        external nonReentrant onlyRole(QA_ROLE)
    {
        if (bountyIds.length != winners.length || bountyIds.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < bountyIds.length; i++) {
            _release(bountyIds[i], winners[i], amounts[i]);
        }
    }

    function withdrawOwed(address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress();
        uint256 amount = owed[msg.sender];
        if (amount == 0) revert NothingOwed(msg.sender);
        owed[msg.sender] = 0;
        totalOwed -= amount;
        token.safeTransfer(to, amount);
        emit OwedWithdrawn(msg.sender, to, amount);
    }

    function refund(bytes32 bountyId) external nonReentrant {
        Deal storage deal = _held(bountyId);
        if (deal.payer != msg.sender) revert NotPayer(msg.sender);
        uint256 refundableAt = uint256(deal.deadline) + REFUND_GRACE;
        if (block.timestamp < refundableAt) revert TooEarly(refundableAt);
        deal.status = Status.Refunded;
        token.safeTransfer(deal.payer, deal.amount);
        emit Refunded(bountyId, deal.payer, deal.amount);
    }

    function emergencyWithdraw(bytes32 bountyId, address to) external nonReentrant onlyRole(MULTISIG_ROLE) {
        if (to == address(0)) revert ZeroAddress();
        Deal storage deal = _held(bountyId);
        deal.status = Status.Withdrawn;
        token.safeTransfer(to, deal.amount);
        emit EmergencyWithdrawn(bountyId, to, deal.amount);
    }

    function dealOf(bytes32 bountyId) external view returns (Deal memory) {
        return deals[bountyId];
    }

    function _release(bytes32 bountyId, address winner, uint256 amount) private {
        if (winner == address(0)) revert ZeroAddress();
        Deal storage deal = _held(bountyId);
        if (deal.amount != amount) revert AmountMismatch(deal.amount, amount);
        deal.status = Status.Released;
        emit Released(bountyId, winner, amount);
        if (!token.trySafeTransfer(winner, amount)) {
            owed[winner] += amount;
            totalOwed += amount;
            emit ReleaseDeferred(bountyId, winner, amount);
        }
    }

    function _held(bytes32 bountyId) private view returns (Deal storage deal) {
        deal = deals[bountyId];
        if (deal.status != Status.Held) revert NotHeld(bountyId, deal.status);
    }
}
